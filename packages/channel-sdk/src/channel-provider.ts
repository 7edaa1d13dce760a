import type { ConfigIssue, ConfigParseResult, JsonSchema } from './config-schema.js';
import { configClassToSchema, parseWithClass } from './config-schema.js';
import type { DeliveryOutcome } from './delivery-outcome.js';
import type { HttpTransport } from './http-transport.js';
import type { MessageContext } from './message-context.js';
import type { SharedCache } from './shared-cache.js';

export const SPECIFICATION_VERSION = 'herald.channel.v1';

/** How often and how long the core keeps trying; the core adds jitter. */
export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/** At most `max` sends per `perMs` to one destination, enforced across all workers. */
export interface RateLimit {
  max: number;
  perMs: number;
}

export interface ActionDefaults {
  retry: RetryPolicy;
  timeoutMs: number;
  /** The platform's limits per destination, all enforced at once (e.g. 5 a second and 100 a minute). */
  rateLimits: readonly RateLimit[];
}

/** Everything one attempt needs. The core builds it; a script gets one from `sendOnce`. */
export interface SendContext<C = Record<string, unknown>> {
  config: C;
  message: MessageContext;
  delivery: { id: string; attempt: number };
  transport: HttpTransport;
  timeoutMs: number;
  cache: SharedCache;
  now(): number;
}

/** One thing a channel can do, such as "post to a DingTalk group robot". */
export interface ChannelAction<C extends object = any> {
  readonly id: string;
  readonly displayName: string;
  /** The name in Chinese; readers of other languages, and Chinese ones when absent, see `displayName`. */
  readonly displayNameZh?: string;
  readonly description?: string;
  /** The description in Chinese, beside `description` as `x-description-zh` is beside a field's. */
  readonly descriptionZh?: string;
  readonly configSchema: JsonSchema;
  /** Config fields stored encrypted and never returned by the API. */
  readonly secretFields: readonly string[];
  readonly defaults: ActionDefaults;
  /** Validates a config when a subscription is saved; the parsed config is what `send` receives. */
  parseConfig(raw: unknown): ConfigParseResult<C>;
  /** The key the rate limit counts against, such as the webhook URL. */
  destination(config: C): string;
  send(context: SendContext<C>): Promise<DeliveryOutcome>;
}

export interface ChannelProvider {
  readonly specificationVersion: typeof SPECIFICATION_VERSION;
  /** Short lower-case id, such as `dingtalk`. */
  readonly id: string;
  readonly displayName: string;
  /** The name in Chinese, such as 钉钉; `displayName` when absent. */
  readonly displayNameZh?: string;
  readonly actions: readonly ChannelAction[];
}

export interface ActionDefinition<C extends object> {
  id: string;
  displayName: string;
  /** The name in Chinese, in the platform's own terms (自定义机器人, 群机器人, 工作通知). */
  displayNameZh?: string;
  description?: string;
  descriptionZh?: string;
  config: new () => C;
  secretFields?: readonly (keyof C & string)[];
  defaults?: Partial<ActionDefaults>;
  /** Checks beyond the decorators, such as "the customize template renders to JSON". */
  check?(config: C): ConfigIssue[];
  destination?(config: C): string;
  send(context: SendContext<C>): Promise<DeliveryOutcome>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 5_000, maxDelayMs: 10 * 60_000 };
export const DEFAULT_ACTION_TIMEOUT_MS = 6_000;

export function defineAction<C extends object>(definition: ActionDefinition<C>): ChannelAction<C> {
  const secretFields = definition.secretFields ?? [];
  let configSchema: JsonSchema | undefined;
  return {
    id: definition.id,
    displayName: definition.displayName,
    ...(definition.displayNameZh === undefined ? {} : { displayNameZh: definition.displayNameZh }),
    ...(definition.description === undefined ? {} : { description: definition.description }),
    ...(definition.descriptionZh === undefined ? {} : { descriptionZh: definition.descriptionZh }),
    // Built on first read: sending a message never needs it, and building it loads all of class-validator.
    get configSchema() {
      configSchema ??= configClassToSchema(definition.config, secretFields);
      return configSchema;
    },
    secretFields,
    defaults: {
      retry: definition.defaults?.retry ?? DEFAULT_RETRY_POLICY,
      timeoutMs: definition.defaults?.timeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS,
      rateLimits: definition.defaults?.rateLimits ?? [],
    },
    parseConfig(raw) {
      const parsed = parseWithClass(definition.config, raw);
      if (!parsed.ok || !definition.check) return parsed;
      const issues = definition.check(parsed.config);
      return issues.length > 0 ? { ok: false, issues } : parsed;
    },
    destination: definition.destination ?? ((config) => String((config as { service_url?: unknown }).service_url ?? definition.id)),
    send: definition.send,
  };
}

export function defineChannel(channel: Omit<ChannelProvider, 'specificationVersion'>): ChannelProvider {
  return { specificationVersion: SPECIFICATION_VERSION, ...channel };
}

const CHANNEL_ID = /^[a-z][a-z0-9-]{0,39}$/;
const ACTION_ID = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Why a value is not a usable channel provider, or undefined when it is. Checks the shape, not
 * the class, so providers built against another copy of the SDK are accepted.
 */
export function channelProviderProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'it is not an object';
  const provider = value as Partial<ChannelProvider>;
  if (provider.specificationVersion !== SPECIFICATION_VERSION) {
    return `specificationVersion is ${JSON.stringify(provider.specificationVersion)}, expected "${SPECIFICATION_VERSION}"`;
  }
  if (typeof provider.id !== 'string' || !CHANNEL_ID.test(provider.id))
    return `id ${JSON.stringify(provider.id)} is not a lower-case channel id`;
  if (!isOptionalText(provider.displayNameZh)) return 'displayNameZh is not a string';
  if (!Array.isArray(provider.actions) || provider.actions.length === 0) return 'it declares no actions';
  for (const action of provider.actions as unknown[]) {
    const problem = actionProblem(action);
    if (problem) return `action ${JSON.stringify((action as { id?: unknown })?.id)}: ${problem}`;
  }
  return undefined;
}

function actionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'it is not an object';
  const action = value as Partial<ChannelAction>;
  if (typeof action.id !== 'string' || !ACTION_ID.test(action.id)) return 'id must be snake_case';
  for (const text of ['displayNameZh', 'descriptionZh'] as const) {
    if (!isOptionalText(action[text])) return `${text} is not a string`;
  }
  for (const method of ['parseConfig', 'destination', 'send'] as const) {
    if (typeof action[method] !== 'function') return `${method} is not a function`;
  }
  if (typeof action.configSchema !== 'object' || action.configSchema === null) return 'configSchema is missing';
  if (!Array.isArray(action.secretFields)) return 'secretFields is not an array';
  const defaults = action.defaults;
  if (!defaults?.retry || typeof defaults.timeoutMs !== 'number' || !Array.isArray(defaults.rateLimits)) {
    return 'defaults (retry, timeoutMs, rateLimits) are missing';
  }
  return undefined;
}

function isOptionalText(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

export function isChannelProvider(value: unknown): value is ChannelProvider {
  return channelProviderProblem(value) === undefined;
}
