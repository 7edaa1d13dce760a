import { describe, expect, it } from '@jest/globals';
import { afterFailure, type HealthPolicy } from './endpoint-health.js';

const policy: HealthPolicy = { pauseAfterFailures: 5, pauseBaseMs: 60_000, pauseMaxMs: 3_600_000, disableAfterMs: 3 * 86_400_000 };
const now = new Date('2024-01-15T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('afterFailure', () => {
  it.each([
    [4, 0, null, { kind: 'none' }],
    [5, 0, null, { kind: 'paused', until: new Date(now.getTime() + 60_000) }],
    [6, 1, minutesAgo(1), { kind: 'paused', until: new Date(now.getTime() + 120_000) }],
    [7, 3, minutesAgo(1), { kind: 'paused', until: new Date(now.getTime() + 480_000) }],
    [9, 10, minutesAgo(1), { kind: 'paused', until: new Date(now.getTime() + 3_600_000) }],
    [6, 1, new Date(now.getTime() + 30_000), { kind: 'none' }],
  ])('%i failures in a row, paused %i times before (until %s) → %j', (consecutiveFailures, pauseCount, pausedUntil, expected) => {
    expect(afterFailure({ consecutiveFailures, failingSince: minutesAgo(30), pauseCount, pausedUntil }, now, policy)).toMatchObject(
      expected,
    );
  });

  it('disables a destination that failed for three days with no success, saying so', () => {
    const transition = afterFailure(
      { consecutiveFailures: 40, failingSince: minutesAgo(3 * 24 * 60 + 1), pauseCount: 8, pausedUntil: null },
      now,
      policy,
    );
    expect(transition).toMatchObject({
      kind: 'disabled',
      reason: expect.stringContaining('every attempt failed for 3.0 days (40 in a row since'),
    });
  });
});
