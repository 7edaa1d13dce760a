import { describe, expect, it } from '@jest/globals';
import { DEFAULT_REPEAT_INTERVAL_MS, parseRepeatInterval, reminderKey, reminderKeys } from './alertmanager.reminders.js';
import { IngestBodyError } from './ingest-event.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('parseRepeatInterval', () => {
  it.each([
    [undefined, DEFAULT_REPEAT_INTERVAL_MS],
    ['4h', 4 * HOUR],
    ['30m', 30 * MINUTE],
    ['1h30m', 90 * MINUTE],
    ['10s', 10_000],
    ['1d', 24 * HOUR],
  ])('reads %s', (text, milliseconds) => {
    expect(parseRepeatInterval(text)).toBe(milliseconds);
  });

  it.each([
    ['4 hours', 'must be a duration as Alertmanager writes it'],
    ['-1h', 'must be a duration as Alertmanager writes it'],
    ['5s', 'must be at least 10s'],
  ])('refuses %s', (text, reason) => {
    expect(() => parseRepeatInterval(text)).toThrow(IngestBodyError);
    expect(() => parseRepeatInterval(text)).toThrow(reason);
  });
});

describe('a firing alert’s notice within the window of repeat_interval', () => {
  const window = HOUR;
  const identity = 'alertmanager:abc';

  /** The key a webhook gets at `now`, given what is stored (key → when received). */
  function keyAt(now: number, stored: Map<string, Date>): string {
    return reminderKey(reminderKeys(identity, now, window), stored, now, window);
  }

  /** Stores the first notice at `start`, then asks for the key of a webhook `later` ms after it. */
  function sameNotice(start: number, later: number): boolean {
    const first = keyAt(start, new Map());
    return keyAt(start + later, new Map([[first, new Date(start)]])) === first;
  }

  // Starts placed at a bucket's beginning, middle and end: a window in time that is not anchored
  // on the notice (a fixed bucket) would let a retry through at a boundary or drop a reminder.
  const starts = [0, 0.5, 0.999].map((fraction) => 1_000 * HOUR + fraction * window);

  it.each(starts)('is one notice for retries and group re-sends (first received at %i)', (start) => {
    for (const later of [0, 600, 10_000, 5 * MINUTE, window - 1]) expect([later, sameNotice(start, later)]).toEqual([later, true]);
  });

  it.each(starts)('is a new notice, a reminder, once repeat_interval has passed (first received at %i)', (start) => {
    for (const later of [window, window + 1, 2 * window, 10 * window]) expect([later, sameNotice(start, later)]).toEqual([later, false]);
  });

  it('counts the window from the reminder on', () => {
    const start = 1_000 * HOUR + 0.7 * window;
    const first = keyAt(start, new Map());
    const reminder = keyAt(start + window + 5 * MINUTE, new Map([[first, new Date(start)]]));
    const stored = new Map([
      [first, new Date(start)],
      [reminder, new Date(start + window + 5 * MINUTE)],
    ]);
    expect(keyAt(start + window + 30 * MINUTE, stored)).toBe(reminder);
    expect(keyAt(start + 2 * window + 5 * MINUTE, stored)).not.toBe(reminder);
  });

  it('repeats a notice stored under the key used before reminders were kept', () => {
    const now = 1_000 * HOUR;
    expect(keyAt(now, new Map([[identity, new Date(now - MINUTE)]]))).toBe(identity);
    expect(keyAt(now, new Map([[identity, new Date(now - window)]]))).not.toBe(identity);
  });

  it('keeps the buckets of different windows apart', () => {
    expect(reminderKeys(identity, 0, HOUR).fresh).not.toBe(reminderKeys(identity, 0, 2 * HOUR).fresh);
  });
});
