import type { EffectivePolicy } from '../subscriptions/effective-policy.js';

/** A platform's own wait (Retry-After, a throttle window) is honoured up to a day, and never below this floor. */
export const MIN_PLATFORM_WAIT_MS = 1_000;
export const MAX_PLATFORM_WAIT_MS = 24 * 60 * 60 * 1000;

/**
 * The delay before attempt `attempt + 1`, after attempt `attempt` (1-based) asked for a retry:
 * exponential from the initial delay, capped, with ±20% jitter so retries of many deliveries do
 * not arrive together; or the platform's own wait when it gave one.
 */
export function retryDelayMs(
  policy: Pick<EffectivePolicy, 'initialDelayMs' | 'maxDelayMs'>,
  attempt: number,
  platformWaitMs?: number,
  random = Math.random,
): number {
  if (platformWaitMs !== undefined) return Math.min(Math.max(platformWaitMs, MIN_PLATFORM_WAIT_MS), MAX_PLATFORM_WAIT_MS);
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

export type NextStep = { kind: 'succeeded' } | { kind: 'retry'; delayMs: number } | { kind: 'failed'; reason: string };

/**
 * What happens to a delivery after an attempt: the one place that decides timing. `attemptsAllowed`
 * is where the delivery's current round ends: its attempts before the round plus the policy's
 * `maxAttempts`, fixed when the round began.
 */
export function nextStep(
  outcome: { status: 'delivered' | 'retry' | 'failed'; reason?: string; retryAfterMs?: number },
  attempt: number,
  attemptsAllowed: number,
  policy: Pick<EffectivePolicy, 'initialDelayMs' | 'maxDelayMs'>,
  random = Math.random,
): NextStep {
  if (outcome.status === 'delivered') return { kind: 'succeeded' };
  if (outcome.status === 'failed') return { kind: 'failed', reason: outcome.reason ?? 'failed' };
  if (attempt >= attemptsAllowed)
    return { kind: 'failed', reason: `gave up after ${attempt} attempts: ${outcome.reason ?? 'retryable failure'}` };
  return { kind: 'retry', delayMs: retryDelayMs(policy, attempt, outcome.retryAfterMs, random) };
}
