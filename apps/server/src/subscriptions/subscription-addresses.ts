import type { ChannelAction } from '@herald/channel-sdk';
import type { AddressPolicy } from '../transport/address-policy.js';

/**
 * What in a config can never be sent to, found when the subscription is saved: each field the
 * action declares a URI (`format: uri` in its config schema) whose host is a literal private,
 * loopback or metadata address, or `localhost`, while the policy refuses private networks.
 * Names are resolved only when sending, where the same policy is checked again.
 */
export function unreachableAddressProblems(action: ChannelAction, config: Record<string, unknown>, policy: AddressPolicy): string[] {
  const properties = (action.configSchema as { properties?: Record<string, { format?: string }> }).properties ?? {};
  return Object.entries(properties).flatMap(([field, schema]) => {
    const value = config[field];
    if (schema.format !== 'uri' || typeof value !== 'string' || !URL.canParse(value)) return [];
    const refusal = policy.literalHostRefusal(new URL(value).hostname);
    return refusal ? [`config.${field} can never be delivered to: ${refusal}`] : [];
  });
}
