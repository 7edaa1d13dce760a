import { describe, expect, it } from '@jest/globals';
import { MAX_PLATFORM_WAIT_MS, MIN_PLATFORM_WAIT_MS, nextStep, retryDelayMs } from './retry-policy.js';

const policy = { initialDelayMs: 1_000, maxDelayMs: 60_000 };
/** The lowest and the highest draws Math.random can make. */
const lowest = () => 0;
const highest = () => 1 - Number.EPSILON;

describe('retryDelayMs: exponential backoff with ±20% jitter', () => {
  it.each([
    { attempt: 1, base: 1_000 },
    { attempt: 2, base: 2_000 },
    { attempt: 3, base: 4_000 },
    { attempt: 6, base: 32_000 },
    { attempt: 7, base: 60_000 },
    { attempt: 30, base: 60_000 },
  ])('after attempt $attempt the wait is within 20% of $base ms', ({ attempt, base }) => {
    expect(retryDelayMs(policy, attempt, undefined, lowest)).toBe(base * 0.8);
    expect(retryDelayMs(policy, attempt, undefined, () => 0.5)).toBe(base);
    expect(retryDelayMs(policy, attempt, undefined, highest)).toBe(base * 1.2);
  });

  it('spreads the retries of many deliveries over the whole jitter band', () => {
    const draws = Array.from({ length: 101 }, (_, index) => retryDelayMs(policy, 1, undefined, () => index / 101));
    expect(new Set(draws).size).toBeGreaterThan(90);
    expect(Math.min(...draws)).toBe(800);
    expect(Math.max(...draws)).toBeLessThanOrEqual(1_200);
  });

  it('treats an attempt number below 1 as the first', () => {
    expect(retryDelayMs(policy, 0, undefined, () => 0.5)).toBe(1_000);
  });
});

describe("retryDelayMs: a platform's own wait", () => {
  it.each([
    { said: 5_000, waits: 5_000, why: 'honoured as given' },
    { said: 120_000, waits: 120_000, why: 'honoured beyond the policy’s maxDelayMs' },
    { said: 0, waits: MIN_PLATFORM_WAIT_MS, why: 'raised to the floor' },
    { said: 10, waits: MIN_PLATFORM_WAIT_MS, why: 'raised to the floor' },
    { said: MAX_PLATFORM_WAIT_MS, waits: MAX_PLATFORM_WAIT_MS, why: 'honoured up to the cap' },
    { said: 3 * MAX_PLATFORM_WAIT_MS, waits: MAX_PLATFORM_WAIT_MS, why: 'cut to the cap' },
  ])('a wait of $said ms is $why: $waits ms, with no jitter', ({ said, waits }) => {
    expect(retryDelayMs(policy, 1, said, lowest)).toBe(waits);
    expect(retryDelayMs(policy, 9, said, highest)).toBe(waits);
  });
});

describe('nextStep: the cap on attempts', () => {
  const retry = { status: 'retry' as const, reason: 'HTTP 503' };

  it.each([
    { attempt: 1, attemptsAllowed: 3, kind: 'retry' },
    { attempt: 2, attemptsAllowed: 3, kind: 'retry' },
    { attempt: 3, attemptsAllowed: 3, kind: 'failed' },
    { attempt: 4, attemptsAllowed: 3, kind: 'failed' },
    { attempt: 1, attemptsAllowed: 1, kind: 'failed' },
    { attempt: 7, attemptsAllowed: 8, kind: 'retry' },
  ])('a retryable failure at attempt $attempt of $attemptsAllowed: $kind', ({ attempt, attemptsAllowed, kind }) => {
    expect(nextStep(retry, attempt, attemptsAllowed, policy, lowest).kind).toBe(kind);
  });

  it('says why it gave up', () => {
    expect(nextStep(retry, 3, 3, policy)).toEqual({ kind: 'failed', reason: 'gave up after 3 attempts: HTTP 503' });
  });

  it('waits as the platform asked before the next attempt', () => {
    expect(nextStep({ ...retry, retryAfterMs: 30_000 }, 1, 3, policy, highest)).toEqual({ kind: 'retry', delayMs: 30_000 });
  });

  it.each([
    { outcome: { status: 'delivered' as const }, step: { kind: 'succeeded' } },
    { outcome: { status: 'failed' as const, reason: 'HTTP 404' }, step: { kind: 'failed', reason: 'HTTP 404' } },
  ])('$outcome.status ends the delivery whatever attempts remain', ({ outcome, step }) => {
    expect(nextStep(outcome, 1, 10, policy)).toEqual(step);
  });
});
