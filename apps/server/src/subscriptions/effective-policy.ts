import type { ActionDefaults, RateLimit } from '@herald/channel-sdk';
import type { RateLimitSetting, RetryPolicySetting } from './subscription.entity.js';

/**
 * The schedule and limits one subscription's deliveries run under: the channel's defaults,
 * overridden by the subscription. `maxAttempts` is the one retry cap: every round of attempts (a
 * publish, a manual retry, a redelivery) is given this many.
 */
export interface EffectivePolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  rateLimits: readonly RateLimit[];
}

/** For a subscription whose channel is no longer loaded: one attempt, which records why it cannot be sent. */
export const UNKNOWN_ACTION_DEFAULTS: ActionDefaults = {
  retry: { maxAttempts: 1, initialDelayMs: 1_000, maxDelayMs: 1_000 },
  timeoutMs: 6_000,
  rateLimits: [],
};

export function effectivePolicy(
  defaults: ActionDefaults,
  retry: RetryPolicySetting | null,
  rateLimit: RateLimitSetting | null,
): EffectivePolicy {
  return {
    maxAttempts: retry?.max_attempts ?? defaults.retry.maxAttempts,
    initialDelayMs: retry?.initial_delay_ms ?? defaults.retry.initialDelayMs,
    maxDelayMs: Math.max(retry?.max_delay_ms ?? defaults.retry.maxDelayMs, retry?.initial_delay_ms ?? 0),
    timeoutMs: retry?.timeout_ms ?? defaults.timeoutMs,
    rateLimits: rateLimit ? [{ max: rateLimit.max, perMs: rateLimit.per_ms }] : defaults.rateLimits,
  };
}
