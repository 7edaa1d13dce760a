import type { ChannelAction, SendContext } from './channel-provider.js';
import { DeliveryFailure, failed, isDeliveryOutcome, retryLater, type DeliveryOutcome } from './delivery-outcome.js';
import { TransportError } from './http-transport.js';
import { excerpt, isTokenLike, scrubSecrets } from './redaction.js';
import { RESPONSE_EXCERPT_CHARS } from './send-http.js';

/**
 * Runs one attempt of an action and returns an outcome that is safe to store: thrown failures
 * are classified and every secret value of the config is masked out of what comes back.
 */
export async function runAction<C extends object>(action: ChannelAction<C>, context: SendContext<C>): Promise<DeliveryOutcome> {
  const outcome = await action.send(context).then(
    (result) => (isDeliveryOutcome(result) ? result : failed(`channel ${action.id} returned no outcome`)),
    (error: unknown) => outcomeFromError(error),
  );
  return scrubOutcome(outcome, secretValues(action, context.config));
}

export function outcomeFromError(error: unknown): DeliveryOutcome {
  if (DeliveryFailure.is(error) || TransportError.is(error)) {
    const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
    return error.retryable ? retryLater(error.message, retryAfterMs === undefined ? {} : { retryAfterMs }) : failed(error.message);
  }
  return retryLater(`channel error: ${error instanceof Error ? error.message : String(error)}`);
}

/** The values of an action's secret fields, plus the secret parts of URLs among them. */
export function secretValues(action: Pick<ChannelAction, 'secretFields'>, config: object): string[] {
  return action.secretFields.flatMap((field) => {
    const value = (config as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value === '') return [];
    return [value, ...urlSecretParts(value)];
  });
}

function urlSecretParts(value: string): string[] {
  if (!/^https?:\/\//i.test(value)) return [];
  try {
    const url = new URL(value);
    const pathSecrets = url.pathname.split('/').filter(isTokenLike);
    return [...pathSecrets, ...url.searchParams.values(), url.password].filter((part) => part.length >= 4);
  } catch {
    return [];
  }
}

/** Masks secrets first, then cuts the answer to an excerpt, so no half of a secret survives the cut. */
function scrubOutcome(outcome: DeliveryOutcome, secrets: string[]): DeliveryOutcome {
  const clean = (text: string) => scrubSecrets(text, secrets);
  return {
    ...outcome,
    ...('reason' in outcome ? { reason: clean(outcome.reason) } : {}),
    ...('note' in outcome && outcome.note ? { note: clean(outcome.note) } : {}),
    ...(outcome.request ? { request: { ...outcome.request, url: clean(outcome.request.url) } } : {}),
    ...(outcome.response ? { response: { ...outcome.response, body: excerpt(clean(outcome.response.body), RESPONSE_EXCERPT_CHARS) } } : {}),
  };
}
