import { describe, expect, it } from '@jest/globals';
import { createMessageContext } from '@herald/channel-sdk';
import { plainToInstance, Type } from 'class-transformer';
import { ValidateNested, validateSync } from 'class-validator';
import { activeHoursVerdict, evaluateFilters, keywordVerdict, type ActiveHours, type FilterState } from './subscription-filters.js';
import { FiltersDto } from './subscription-filters.dto.js';

const message = createMessageContext({ type: 'alert.fired', subject: 'Disk', data: { title: 'Disk 告警 on db-1', level: 'WARNING', nested: { host: 'db-1' } } });

describe('keywordVerdict', () => {
  it.each([
    [{ keywords: ['告警'] }, true],
    [{ keywords: ['warning'] }, true],
    [{ keywords: ['alert.fired'] }, true],
    [{ keywords: ['db-1'], keyword_fields: ['data.nested.host'] }, true],
    [{ keywords: ['db-1'], keyword_fields: ['data.level'] }, false],
    [{ keywords: ['cpu', 'memory'] }, false],
    [{ keywords: ['x'], keyword_fields: ['data.missing'] }, false],
    [{}, true],
  ])('%j → %s', (filters, pass) => {
    expect(keywordVerdict(filters, message).pass).toBe(pass);
  });

  it('names the keywords and fields in the reason', () => {
    expect(keywordVerdict({ keywords: ['cpu'], keyword_fields: ['data.level'] }, message)).toEqual({ pass: false, reason: 'none of the keywords (cpu) occurs in data.level' });
  });
});

describe('activeHoursVerdict', () => {
  const office: ActiveHours = { start: '09:00', end: '18:00', time_zone: 'Asia/Shanghai', days: [1, 2, 3, 4, 5], outside: 'hold' };
  const night: ActiveHours = { start: '22:00', end: '06:00', time_zone: 'UTC', outside: 'hold' };
  const berlin: ActiveHours = { start: '08:00', end: '09:00', time_zone: 'Europe/Berlin', outside: 'hold' };
  it.each([
    ['Monday 10:00 in Shanghai', office, '2024-01-15T02:00:00Z', undefined],
    ['Monday 08:00 in Shanghai', office, '2024-01-15T00:00:00Z', '2024-01-15T01:00:00Z'],
    ['Friday 19:00 in Shanghai, over the weekend', office, '2024-01-19T11:00:00Z', '2024-01-22T01:00:00Z'],
    ['23:30 UTC, inside a window over midnight', night, '2024-01-15T23:30:00Z', undefined],
    ['05:59 UTC, still inside it', night, '2024-01-16T05:59:00Z', undefined],
    ['12:00 UTC, outside it', night, '2024-01-16T12:00:00Z', '2024-01-16T22:00:00Z'],
    ['the day Berlin moves to summer time', berlin, '2024-03-31T05:00:00Z', '2024-03-31T06:00:00Z'],
    ['the day before, in winter time', berlin, '2024-03-30T05:00:00Z', '2024-03-30T07:00:00Z'],
  ])('%s', (_label, hours, now, opensAt) => {
    const verdict = activeHoursVerdict(hours, new Date(now));
    expect(verdict).toEqual(opensAt ? { open: false, opensAt: new Date(opensAt) } : { open: true });
  });
});

describe('evaluateFilters', () => {
  function recordingState(allows = true, firstSeen = true): FilterState & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      frequencyAllows: async () => (calls.push('frequency'), allows),
      dedupeFirstSeen: async () => (calls.push('dedupe'), firstSeen),
    };
  }
  const now = new Date('2024-01-15T02:00:00Z');

  it('stops at the first rule that drops and leaves the later counters untouched', async () => {
    const state = recordingState();
    const decision = await evaluateFilters({ keywords: ['cpu'], frequency_limit: { max: 1, per_seconds: 60 }, dedupe_window_seconds: 60 }, message, 'sub_1', now, state);
    expect(decision).toMatchObject({ action: 'drop', rule: 'keywords' });
    expect(state.calls).toEqual([]);
  });

  it.each([
    [recordingState(false), { action: 'drop', rule: 'frequency_limit' }, ['frequency']],
    [recordingState(true, false), { action: 'drop', rule: 'dedupe' }, ['frequency', 'dedupe']],
    [recordingState(), { action: 'deliver' }, ['frequency', 'dedupe']],
  ])('frequency then dedupe → %#', async (state, expected, calls) => {
    const decision = await evaluateFilters({ frequency_limit: { max: 1, per_seconds: 60 }, dedupe_window_seconds: 60 }, message, 'sub_1', now, state);
    expect(decision).toMatchObject(expected);
    expect(state.calls).toEqual(calls);
  });

  it('holds outside the active hours, or drops when asked to', async () => {
    const hours: ActiveHours = { start: '20:00', end: '21:00', time_zone: 'UTC', outside: 'hold' };
    expect(await evaluateFilters({ active_hours: hours }, message, 'sub_1', now, recordingState())).toEqual({ action: 'deliver', at: new Date('2024-01-15T20:00:00Z') });
    expect(await evaluateFilters({ active_hours: { ...hours, outside: 'drop' } }, message, 'sub_1', now, recordingState())).toMatchObject({
      action: 'drop',
      rule: 'active_hours',
      reason: 'outside the active hours 20:00–21:00 UTC',
    });
  });
});

describe('FiltersDto', () => {
  class Holder {
    @ValidateNested() @Type(() => FiltersDto)
    filters: FiltersDto;
  }
  const messages = (filters: unknown) =>
    validateSync(plainToInstance(Holder, { filters })).flatMap(function flat(error): string[] {
      return [...Object.values(error.constraints ?? {}), ...(error.children ?? []).flatMap(flat)];
    });

  it.each([
    [{ active_hours: { start: '9:00', end: '18:00', time_zone: 'Asia/Shanghai', outside: 'hold' } }, 'start must be a time HH:MM, such as 09:00'],
    [{ active_hours: { start: '09:00', end: '09:00', time_zone: 'UTC', outside: 'hold' } }, 'end must differ from start: a window from a time to the same time is empty'],
    [{ active_hours: { start: '09:00', end: '18:00', time_zone: 'Mars/Olympus', outside: 'hold' } }, 'time_zone must be an IANA time zone such as Asia/Shanghai'],
    [{ active_hours: { start: '09:00', end: '18:00', time_zone: 'UTC', outside: 'later' } }, 'outside must be hold (deliver when the window opens) or drop'],
    [{ active_hours: { start: '09:00', end: '18:00', time_zone: 'UTC', outside: 'drop', days: [0, 8] } }, 'days must be ISO weekdays, 1 (Monday) to 7 (Sunday)'],
    [{ keyword_fields: ['data.a b'] }, 'each keyword_fields entry must be a path such as data.title or event.subject'],
    [{ keywords: [''] }, 'each keywords entry must be 1 to 100 characters'],
  ])('%j is refused', (filters, message) => {
    expect(messages(filters)).toContain(message);
  });

  it('accepts a full set', () => {
    expect(
      messages({
        keywords: ['告警'],
        keyword_fields: ['data.title', 'data.items[0].name'],
        active_hours: { start: '22:00', end: '06:00', time_zone: 'Asia/Shanghai', days: [1, 5], outside: 'hold' },
        frequency_limit: { max: 10, per_seconds: 60 },
        dedupe_window_seconds: 300,
      }),
    ).toEqual([]);
  });
});
