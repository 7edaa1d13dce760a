import { createHash } from 'node:crypto';
import { renderTemplate, type MessageContext } from '@herald/channel-sdk';

/** A subscription's optional filters, as stored (snake_case, like the API). */
export interface Filters {
  keywords?: string[];
  keyword_fields?: string[];
  active_hours?: ActiveHours;
  frequency_limit?: { max: number; per_seconds: number };
  dedupe_window_seconds?: number;
}

export interface ActiveHours {
  /** "HH:MM"; an end before the start makes a window over midnight. */
  start: string;
  end: string;
  time_zone: string;
  /** ISO weekdays, 1 = Monday, naming the day a window starts on; every day when absent. */
  days?: number[];
  outside: 'hold' | 'drop';
}

/**
 * Counters shared by every replica. For publishing, both record the event they are asked about;
 * for a dry run, pass a state that only looks.
 */
export interface FilterState {
  frequencyAllows(max: number, perSeconds: number): Promise<boolean>;
  dedupeFirstSeen(key: string, windowSeconds: number): Promise<boolean>;
}

export type FilterRule = 'keywords' | 'active_hours' | 'frequency_limit' | 'dedupe';
export type FilterDecision = { action: 'deliver'; at?: Date } | { action: 'drop'; rule: FilterRule; reason: string };
export type KeywordVerdict = { pass: true } | { pass: false; reason: string };
export type ActiveHoursVerdict = { open: true } | { open: false; opensAt: Date };

/**
 * Applies the filters in order — keywords, active hours, frequency limit, dedupe — and stops at
 * the first that drops, so a dropped event never reaches the later counters. Active hours with
 * `hold` delay the delivery to the next opening; the counters still count it now.
 */
export async function evaluateFilters(
  filters: Filters,
  message: MessageContext,
  subscriptionId: string,
  now: Date,
  state: FilterState,
): Promise<FilterDecision> {
  const keywords = keywordVerdict(filters, message);
  if (!keywords.pass) return { action: 'drop', rule: 'keywords', reason: keywords.reason };
  const hours = filters.active_hours ? activeHoursVerdict(filters.active_hours, now) : ({ open: true } as const);
  if (!hours.open && filters.active_hours?.outside === 'drop') {
    return { action: 'drop', rule: 'active_hours', reason: `outside the active hours ${describeHours(filters.active_hours)}` };
  }
  const limit = filters.frequency_limit;
  if (limit && !(await state.frequencyAllows(limit.max, limit.per_seconds))) {
    return { action: 'drop', rule: 'frequency_limit', reason: `over the frequency limit of ${limit.max} per ${limit.per_seconds} s` };
  }
  const window = filters.dedupe_window_seconds;
  if (window && !(await state.dedupeFirstSeen(dedupeKey(subscriptionId, dedupeContent(message)), window))) {
    return { action: 'drop', rule: 'dedupe', reason: `the same content was sent within the last ${window} s` };
  }
  return hours.open ? { action: 'deliver' } : { action: 'deliver', at: hours.opensAt };
}

/** Passes when any keyword occurs in the searched text, ignoring case and full-width forms. */
export function keywordVerdict(filters: Filters, message: MessageContext): KeywordVerdict {
  if (!filters.keywords?.length) return { pass: true };
  const fields = filters.keyword_fields?.length ? filters.keyword_fields : undefined;
  const texts = fields ? fields.map((path) => renderTemplate(`\${${path}}`, message)) : defaultSearchText(message);
  const text = foldCase(texts.join('\n'));
  if (filters.keywords.some((keyword) => text.includes(foldCase(keyword)))) return { pass: true };
  return {
    pass: false,
    reason: `none of the keywords (${filters.keywords.join(', ')}) occurs in ${fields?.join(', ') ?? 'the event type, subject or data'}`,
  };
}

function defaultSearchText(message: MessageContext): string[] {
  return [message.event.type, message.event.subject ?? '', JSON.stringify(message.event.data ?? null)];
}

function foldCase(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** What counts as identical content: the event type, subject and data. */
export function dedupeContent(message: MessageContext): string {
  return JSON.stringify([message.event.type, message.event.subject ?? null, message.event.data ?? null]);
}

/** The dedupe counter's key for this content sent to this subscription. */
export function dedupeKey(subscriptionId: string, content: string): string {
  return createHash('sha256').update(subscriptionId).update('\n').update(content).digest('hex');
}

/**
 * Whether `now` is inside the window, read on the wall clock of its time zone, and if not, the
 * first instant it opens: the start time on an allowed day, or a daylight-saving change that moves
 * the clock into the window (a start inside a skipped hour opens when the clock jumps past it).
 */
export function activeHoursVerdict(hours: ActiveHours, now: Date): ActiveHoursVerdict {
  if (isOpenAt(hours, now.getTime())) return { open: true };
  const [opensAt] = openingsAfter(hours, now.getTime());
  if (opensAt === undefined) throw new Error(`the active hours ${describeHours(hours)} never open`);
  return { open: false, opensAt: new Date(opensAt) };
}

/** How far ahead to look: a single allowed day comes back within a week; a skipped start, the week after. */
const LOOK_AHEAD_DAYS = 15;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

function isOpenAt(hours: ActiveHours, instant: number): boolean {
  const wall = wallClock(instant, hours.time_zone);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start < end) return onDay(hours, wall.weekday) && wall.minutes >= start && wall.minutes < end;
  return (onDay(hours, wall.weekday) && wall.minutes >= start) || (onDay(hours, previousWeekday(wall.weekday)) && wall.minutes < end);
}

/**
 * The instants after `from` at which the closed window opens, earliest first: the first showing of
 * the start time on an allowed day that opens it (later days only start later), and every clock
 * change before it that moves the wall clock into the window.
 */
function openingsAfter(hours: ActiveHours, from: number): number[] {
  const opens = (instant: number) => instant > from && isOpenAt(hours, instant);
  const start = firstStartAfter(hours, from, opens);
  const until = start ?? from + LOOK_AHEAD_DAYS * DAY_MS;
  const openings = offsetChanges(from, until, hours.time_zone).filter(opens);
  return (start === undefined ? openings : [...openings, start]).sort((first, second) => first - second);
}

function firstStartAfter(hours: ActiveHours, from: number, opens: (instant: number) => boolean): number | undefined {
  const today = wallClock(from, hours.time_zone);
  for (let offset = 0; offset <= LOOK_AHEAD_DAYS; offset += 1) {
    const midnight = Date.UTC(today.year, today.month - 1, today.day + offset);
    if (!onDay(hours, weekdayOf(midnight))) continue;
    const start = instantsShowing(midnight + minutesOf(hours.start) * MINUTE_MS, hours.time_zone).find(opens);
    if (start !== undefined) return start;
  }
  return undefined;
}

/** The instants whose wall clock shows `local` (a wall time written as UTC): none in a skipped hour, two in a repeated one. */
function instantsShowing(local: number, timeZone: string): number[] {
  const guesses = [local - offsetAt(local - DAY_MS, timeZone), local - offsetAt(local + DAY_MS, timeZone)];
  const exact = guesses.filter((instant) => instant + offsetAt(instant, timeZone) === local);
  return [...new Set(exact)].sort((first, second) => first - second);
}

/** The instants from `from` to `until` at which the zone's offset from UTC changes, to the minute. */
function offsetChanges(from: number, until: number, timeZone: string): number[] {
  const changes: number[] = [];
  let low = Math.floor(from / MINUTE_MS) * MINUTE_MS;
  let before = offsetAt(low, timeZone);
  for (; low < until; low += DAY_MS) {
    const after = offsetAt(low + DAY_MS, timeZone);
    if (after !== before) changes.push(changeWithin(low, before, timeZone));
    before = after;
  }
  return changes;
}

/** The first minute of the day from `low` whose offset is no longer `before`. */
function changeWithin(low: number, before: number, timeZone: string): number {
  let [earlier, later] = [low, low + DAY_MS];
  while (later - earlier > MINUTE_MS) {
    const middle = earlier + Math.floor((later - earlier) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(middle, timeZone) === before) earlier = middle;
    else later = middle;
  }
  return later;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const minute = Math.floor(instant / MINUTE_MS) * MINUTE_MS;
  const wall = wallClock(minute, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minutes) - minute;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return { year, month, day, weekday: weekdayOf(Date.UTC(year, month - 1, day)), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it. Latin digits, hours 0–23. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const fields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' } as const;
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...fields });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The ISO weekday (1 = Monday) of a date given as its UTC midnight. */
function weekdayOf(midnight: number): number {
  return ((new Date(midnight).getUTCDay() + 6) % 7) + 1;
}

function previousWeekday(weekday: number): number {
  return ((weekday + 5) % 7) + 1;
}

function onDay(hours: ActiveHours, weekday: number): boolean {
  return !hours.days?.length || hours.days.includes(weekday);
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function describeHours(hours: ActiveHours): string {
  return `${hours.start}–${hours.end} ${hours.time_zone}${hours.days?.length ? ` on days ${hours.days.join(',')}` : ''}`;
}
