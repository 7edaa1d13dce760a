import { describe, expect, it } from '@jest/globals';
import { effectivePolicy } from './effective-policy.js';

const defaults = {
  retry: { maxAttempts: 8, initialDelayMs: 2_000, maxDelayMs: 300_000 },
  timeoutMs: 6_000,
  rateLimits: [{ max: 20, perMs: 60_000 }],
};

describe('effectivePolicy: the channel defaults, overridden by the subscription', () => {
  it.each([
    { retry: null, expected: { maxAttempts: 8, initialDelayMs: 2_000, maxDelayMs: 300_000, timeoutMs: 6_000 } },
    { retry: { max_attempts: 3 }, expected: { maxAttempts: 3, initialDelayMs: 2_000, maxDelayMs: 300_000, timeoutMs: 6_000 } },
    { retry: { max_attempts: 1, timeout_ms: 500 }, expected: { maxAttempts: 1, timeoutMs: 500 } },
    { retry: { initial_delay_ms: 100, max_delay_ms: 200 }, expected: { maxAttempts: 8, initialDelayMs: 100, maxDelayMs: 200 } },
    { retry: { initial_delay_ms: 900_000 }, expected: { initialDelayMs: 900_000, maxDelayMs: 900_000 } },
  ])('retry_policy $retry', ({ retry, expected }) => {
    expect(effectivePolicy(defaults, retry, null)).toMatchObject(expected);
  });

  it("a subscription's rate_limit replaces the channel's limits", () => {
    expect(effectivePolicy(defaults, null, null).rateLimits).toEqual([{ max: 20, perMs: 60_000 }]);
    expect(effectivePolicy(defaults, null, { max: 5, per_ms: 1_000 }).rateLimits).toEqual([{ max: 5, perMs: 1_000 }]);
  });
});
