import { randomUUID } from 'node:crypto';
import type { ChannelAction, ChannelProvider, SendContext } from './channel-provider.js';
import type { ConfigIssue } from './config-schema.js';
import type { DeliveryOutcome } from './delivery-outcome.js';
import type { HttpTransport } from './http-transport.js';
import { createMessageContext, type MessageInput } from './message-context.js';
import { runAction } from './run-action.js';
import { nodeHttpTransport } from './node-http-transport.js';
import { memoryCache, type SharedCache } from './shared-cache.js';

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`invalid config: ${issues.map((issue) => issue.message).join('; ')}`);
    this.name = 'ConfigError';
  }
}

export interface SendOnceOptions {
  /** The action id; may be left out when the channel has one action. */
  action?: string;
  config: Record<string, unknown>;
  event: MessageInput;
  transport?: HttpTransport;
  timeoutMs?: number;
  cache?: SharedCache;
}

const scriptCache = memoryCache();

/**
 * Without an action id: the channel's one action, or else the one action whose config this is (so
 * a script written before a channel gained a second action keeps working).
 */
function onlyActionFor(provider: ChannelProvider, config: Record<string, unknown>): ChannelAction | undefined {
  if (provider.actions.length === 1) return provider.actions[0];
  const fitting = provider.actions.filter((candidate) => candidate.parseConfig(config).ok);
  return fitting.length === 1 ? fitting[0] : undefined;
}

/**
 * Sends one event through one channel action from a plain script: no server, no queue, no retry.
 * Throws ConfigError for an invalid config; otherwise resolves with the outcome.
 */
export async function sendOnce(provider: ChannelProvider, options: SendOnceOptions): Promise<DeliveryOutcome> {
  const action = options.action
    ? provider.actions.find((candidate) => candidate.id === options.action)
    : onlyActionFor(provider, options.config);
  if (!action) {
    const known = provider.actions.map((candidate) => candidate.id).join(', ');
    throw new ConfigError([{ field: 'action', message: `action must be one of: ${known}` }]);
  }
  const parsed = action.parseConfig(options.config);
  if (!parsed.ok) throw new ConfigError(parsed.issues);
  const timeoutMs = options.timeoutMs ?? action.defaults.timeoutMs;
  const context: SendContext<object> = {
    config: parsed.config,
    message: createMessageContext(options.event),
    delivery: { id: `dlv_local_${randomUUID()}`, attempt: 1 },
    transport: options.transport ?? nodeHttpTransport({ timeoutMs }),
    timeoutMs,
    cache: options.cache ?? scriptCache,
    now: Date.now,
  };
  return runAction(action, context);
}
