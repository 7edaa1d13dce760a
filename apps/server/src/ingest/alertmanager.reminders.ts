import { IngestBodyError } from './ingest-event.js';

const SECOND = 1000;
const UNIT_MS: Record<string, number> = { ms: 1, s: SECOND, m: 60 * SECOND, h: 3600 * SECOND, d: 86_400 * SECOND, w: 604_800 * SECOND };

/** Alertmanager's own default `repeat_interval`. */
export const DEFAULT_REPEAT_INTERVAL_MS = 4 * UNIT_MS.h!;
/** Alertmanager retries a failed webhook for at least 10 s (longer when group_interval is longer): a shorter window would let retries through. */
export const MIN_REPEAT_INTERVAL_MS = 10 * SECOND;

/** A duration as Alertmanager writes it (`4h`, `30m`, `1h30m`, `90s`); the default when left out. */
export function parseRepeatInterval(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_REPEAT_INTERVAL_MS;
  const parts = /^(\d+(ms|s|m|h|d|w))+$/.test(text) ? [...text.matchAll(/(\d+)(ms|s|m|h|d|w)/g)] : [];
  const milliseconds = parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit!]!, 0);
  if (parts.length === 0)
    throw new IngestBodyError('repeat_interval', 'must be a duration as Alertmanager writes it, such as 4h, 30m or 1h30m');
  if (milliseconds < MIN_REPEAT_INTERVAL_MS) throw new IngestBodyError('repeat_interval', 'must be at least 10s');
  return milliseconds;
}

/**
 * A firing alert's notice is one event per window of `repeat_interval`, anchored where the notice
 * was first received: a webhook within the window of a stored notice repeats it (Alertmanager's
 * retries, or the group sent again because another alert joined), one later is a reminder, a new
 * event. Keys are the alert's identity and a bucket of the window's length; the buckets around
 * now, and the key used before reminders were kept, are where a stored notice may be.
 */
export function reminderKeys(identity: string, now: number, windowMs: number): { fresh: string; candidates: string[] } {
  const bucket = Math.floor(now / windowMs);
  const key = (offset: number) => `${identity}:${windowMs / SECOND}s:${bucket + offset}`;
  return { fresh: key(0), candidates: [identity, key(-1), key(0), key(1)] };
}

/** The key of the notice this webhook repeats (the latest received within the window), or a fresh key for a reminder. */
export function reminderKey(
  keys: { fresh: string; candidates: string[] },
  received: Map<string, Date>,
  now: number,
  windowMs: number,
): string {
  const recent = keys.candidates
    .filter((key) => received.has(key) && now - received.get(key)!.getTime() < windowMs)
    .sort((a, b) => received.get(b)!.getTime() - received.get(a)!.getTime());
  return recent[0] ?? keys.fresh;
}
