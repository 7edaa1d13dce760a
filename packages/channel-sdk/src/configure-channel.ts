import type { ActionDefaults, ChannelAction, ChannelProvider } from './channel-provider.js';
import type { HttpTransport } from './http-transport.js';

/**
 * How an application configures a channel it registers (the options of each package's Nest
 * module `register(options)`): defaults per action, and the HTTP transport every send goes through.
 */
export interface ChannelOptions {
  /**
   * Overrides of an action's defaults, by action id: its retry policy, its time-out, its rate
   * limits (a paid plan with higher limits, a slower proxy). Unknown action ids are refused.
   */
  defaults?: Readonly<Record<string, Partial<ActionDefaults>>>;
  /**
   * The transport every request of this channel goes through, instead of the one the caller hands
   * in (an outbound proxy, a recording transport). Leave it out in the Herald server, whose guarded
   * transport blocks private networks.
   */
  transport?: HttpTransport;
}

export class ChannelOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelOptionsError';
  }
}

/** The provider with the options applied; without options, the provider itself. */
export function configureChannel(provider: ChannelProvider, options: ChannelOptions = {}): ChannelProvider {
  const overrides = options.defaults ?? {};
  const known = provider.actions.map((action) => action.id);
  const unknown = Object.keys(overrides).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new ChannelOptionsError(
      `channel ${provider.id} options: defaults name ${unknown.join(', ')}, not an action of it (${known.join(', ')})`,
    );
  }
  for (const [actionId, defaults] of Object.entries(overrides)) {
    const problem = defaultsProblem(defaults);
    if (problem) throw new ChannelOptionsError(`channel ${provider.id} options: defaults.${actionId}.${problem}`);
  }
  if (Object.keys(overrides).length === 0 && !options.transport) return provider;
  return { ...provider, actions: provider.actions.map((action) => configureAction(action, overrides[action.id], options.transport)) };
}

function configureAction(
  action: ChannelAction,
  defaults: Partial<ActionDefaults> | undefined,
  transport: HttpTransport | undefined,
): ChannelAction {
  const configured: ChannelAction = { ...action, defaults: { ...action.defaults, ...defaults } };
  if (!transport) return configured;
  return { ...configured, send: (context) => action.send({ ...context, transport }) };
}

/** Why overrides cannot be used (the field and the reason), or undefined. */
function defaultsProblem(defaults: Partial<ActionDefaults>): string | undefined {
  const positive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;
  if (defaults.timeoutMs !== undefined && !positive(defaults.timeoutMs)) return 'timeoutMs must be a positive number of milliseconds';
  if (defaults.retry !== undefined) {
    const { maxAttempts, initialDelayMs, maxDelayMs } = defaults.retry;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) return 'retry.maxAttempts must be an integer of 1 or more';
    if (!positive(initialDelayMs) || !positive(maxDelayMs) || maxDelayMs < initialDelayMs) {
      return 'retry must have positive initialDelayMs and maxDelayMs, maxDelayMs at least initialDelayMs';
    }
  }
  if (defaults.rateLimits !== undefined) {
    if (!Array.isArray(defaults.rateLimits) || !defaults.rateLimits.every((limit) => positive(limit?.max) && positive(limit?.perMs))) {
      return 'rateLimits must be a list of { max, perMs }, both positive';
    }
  }
  return undefined;
}
