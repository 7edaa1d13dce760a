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
  /** ISO weekdays, 1 = Monday; every day when absent. */
  days?: number[];
  outside: 'hold' | 'drop';
}

/** Counters shared by every replica; both record what they are asked about. */
export interface FilterState {
  frequencyAllows(max: number, perSeconds: number): Promise<boolean>;
  dedupeFirstSeen(key: string, windowSeconds: number): Promise<boolean>;
}

export type FilterRule = 'keywords' | 'active_hours' | 'frequency_limit' | 'dedupe';
export type FilterDecision = { action: 'deliver'; at?: Date } | { action: 'drop'; rule: FilterRule; reason: string };

/**
 * Applies the filters in order — keywords, active hours, frequency limit, dedupe — and stops at
 * the first that drops. Active hours with `hold` delay the delivery to the next opening.
 */
export async function evaluateFilters(filters: Filters, message: MessageContext, subscriptionId: string, now: Date, state: FilterState): Promise<FilterDecision> {
  const keywords = keywordVerdict(filters, message);
  if (!keywords.pass) return { action: 'drop', rule: 'keywords', reason: keywords.reason };
  let at: Date | undefined;
  if (filters.active_hours) {
    const hours = activeHoursVerdict(filters.active_hours, now);
    if (!hours.open && filters.active_hours.outside === 'drop') {
      return { action: 'drop', rule: 'active_hours', reason: `outside the active hours ${describeHours(filters.active_hours)}` };
    }
    if (!hours.open) at = hours.opensAt;
  }
  const limit = filters.frequency_limit;
  if (limit && !(await state.frequencyAllows(limit.max, limit.per_seconds))) {
    return { action: 'drop', rule: 'frequency_limit', reason: `over the frequency limit of ${limit.max} per ${limit.per_seconds} s` };
  }
  const window = filters.dedupe_window_seconds;
  if (window && !(await state.dedupeFirstSeen(dedupeKey(subscriptionId, message), window))) {
    return { action: 'drop', rule: 'dedupe', reason: `the same content was sent within the last ${window} s` };
  }
  return at ? { action: 'deliver', at } : { action: 'deliver' };
}

export function keywordVerdict(filters: Filters, message: MessageContext): { pass: true } | { pass: false; reason: string } {
  if (!filters.keywords?.length) return { pass: true };
  const fields = filters.keyword_fields?.length ? filters.keyword_fields : undefined;
  const text = (fields ? fields.map((path) => renderTemplate(`\${${path}}`, message)) : defaultSearchText(message)).join('\n').toLowerCase();
  if (filters.keywords.some((keyword) => text.includes(keyword.toLowerCase()))) return { pass: true };
  return { pass: false, reason: `none of the keywords (${filters.keywords.join(', ')}) occurs in ${fields?.join(', ') ?? 'the event type, subject or data'}` };
}

function defaultSearchText(message: MessageContext): string[] {
  return [message.event.type, message.event.subject ?? '', JSON.stringify(message.event.data ?? null)];
}

/** Identical content to one subscription: the event type, subject and data. */
export function dedupeKey(subscriptionId: string, message: MessageContext): string {
  const content = JSON.stringify([message.event.type, message.event.subject ?? null, message.event.data ?? null]);
  return createHash('sha256').update(subscriptionId).update('\n').update(content).digest('hex');
}

export function activeHoursVerdict(hours: ActiveHours, now: Date): { open: true } | { open: false; opensAt: Date } {
  const wall = wallClock(now, hours.time_zone);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const allowed = (weekday: number) => !hours.days?.length || hours.days.includes(weekday);
  const open =
    start < end
      ? allowed(wall.weekday) && wall.minutes >= start && wall.minutes < end
      : (allowed(wall.weekday) && wall.minutes >= start) || (allowed(((wall.weekday + 5) % 7) + 1) && wall.minutes < end);
  return open ? { open: true } : { open: false, opensAt: nextOpening(hours, now, wall, start, allowed) };
}

function nextOpening(hours: ActiveHours, now: Date, wall: WallClock, start: number, allowed: (weekday: number) => boolean): Date {
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + offset));
    const weekday = ((day.getUTCDay() + 6) % 7) + 1;
    if (!allowed(weekday)) continue;
    const opening = zonedInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), start, hours.time_zone);
    if (opening > now) return opening;
  }
  throw new Error('active hours never open');
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return { year, month, day, weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The instant when the wall clock in `timeZone` shows that date and time (the first, across DST changes). */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const target = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = target;
  for (let round = 0; round < 3; round += 1) {
    const wall = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minutes);
    guess += target - shown;
  }
  return new Date(guess);
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function describeHours(hours: ActiveHours): string {
  return `${hours.start}–${hours.end} ${hours.time_zone}${hours.days?.length ? ` on days ${hours.days.join(',')}` : ''}`;
}
