/**
 * When a destination keeps failing: pause it after a run of failures, for longer each time, and
 * disable it when it has failed for days with no success in between. Pure; the store applies it.
 */
export interface HealthPolicy {
  pauseAfterFailures: number;
  pauseBaseMs: number;
  pauseMaxMs: number;
  disableAfterMs: number;
}

export interface FailureRun {
  /** Failed attempts in a row, this one included. */
  consecutiveFailures: number;
  failingSince: Date;
  pauseCount: number;
  pausedUntil: Date | null;
}

export type HealthTransition = { kind: 'none' } | { kind: 'paused'; until: Date; reason: string } | { kind: 'disabled'; reason: string };

export function afterFailure(run: FailureRun, now: Date, policy: HealthPolicy): HealthTransition {
  const failingMs = now.getTime() - run.failingSince.getTime();
  if (failingMs >= policy.disableAfterMs) {
    return {
      kind: 'disabled',
      reason: `every attempt failed for ${describeDuration(failingMs)} (${run.consecutiveFailures} in a row since ${run.failingSince.toISOString()}) with no success`,
    };
  }
  const stillPaused = run.pausedUntil !== null && run.pausedUntil > now;
  if (run.consecutiveFailures < policy.pauseAfterFailures || stillPaused) return { kind: 'none' };
  const pauseMs = Math.min(policy.pauseMaxMs, policy.pauseBaseMs * 2 ** run.pauseCount);
  return {
    kind: 'paused',
    until: new Date(now.getTime() + pauseMs),
    reason: `${run.consecutiveFailures} attempts in a row failed; paused for ${describeDuration(pauseMs)}`,
  };
}

function describeDuration(ms: number): string {
  if (ms >= 86_400_000) return `${(ms / 86_400_000).toFixed(1)} days`;
  if (ms >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 1000)} s`;
}
