import { describe, expect, it } from '@jest/globals';
import { createMessageContext } from '@herald/channel-sdk';
import { plainToInstance, Type } from 'class-transformer';
import { ValidateNested, validateSync, type ValidationError } from 'class-validator';
import { validationPipe } from '../common/validation.js';
import {
  activeHoursVerdict,
  dedupeContent,
  dedupeKey,
  evaluateFilters,
  keywordVerdict,
  type ActiveHours,
  type FilterState,
  type Filters,
} from './subscription-filters.js';
import { FiltersDto } from './subscription-filters.dto.js';

const message = createMessageContext({
  type: 'alert.fired',
  subject: 'Disk',
  data: { title: 'Disk 告警 on db-1', level: 'WARNING', note: 'ＣＰＵ high', nested: { host: 'db-1' }, items: [{ name: 'sda' }] },
});

describe('keywordVerdict', () => {
  it.each<[string, Filters, boolean]>([
    ['no keywords', {}, true],
    ['a Chinese keyword in the data', { keywords: ['告警'] }, true],
    ['case-insensitive', { keywords: ['warning'] }, true],
    ['upper-case keyword, lower-case text', { keywords: ['DB-1'] }, true],
    ['full-width text matches a plain keyword', { keywords: ['cpu'] }, true],
    ['the event type is searched by default', { keywords: ['ALERT.fired'] }, true],
    ['the subject is searched by default', { keywords: ['disk'] }, true],
    ['one of several keywords', { keywords: ['memory', 'Disk'] }, true],
    ['none of several keywords', { keywords: ['memory', 'network'] }, false],
    ['a nested field', { keywords: ['db-1'], keyword_fields: ['data.nested.host'] }, true],
    ['an array element', { keywords: ['SDA'], keyword_fields: ['data.items[0].name'] }, true],
    ['the subject by path', { keywords: ['disk'], keyword_fields: ['event.subject'] }, true],
    ['a field that does not hold it', { keywords: ['db-1'], keyword_fields: ['data.level'] }, false],
    ['any of the fields', { keywords: ['db-1'], keyword_fields: ['data.level', 'data.nested.host'] }, true],
    ['a missing field', { keywords: ['x'], keyword_fields: ['data.missing'] }, false],
    ['the event type is not searched when fields are named', { keywords: ['alert'], keyword_fields: ['data.title'] }, false],
    ['an empty field list means the default', { keywords: ['alert'], keyword_fields: [] }, true],
  ])('%s', (_label, filters, pass) => {
    expect(keywordVerdict(filters, message).pass).toBe(pass);
  });

  it.each<[Filters, string]>([
    [{ keywords: ['告警', 'error'], keyword_fields: ['data.level'] }, 'none of the keywords (告警, error) occurs in data.level'],
    [
      { keywords: ['cpu'], keyword_fields: ['data.level', 'event.subject'] },
      'none of the keywords (cpu) occurs in data.level, event.subject',
    ],
    [{ keywords: ['memory'] }, 'none of the keywords (memory) occurs in the event type, subject or data'],
  ])('%j gives the reason %j', (filters, reason) => {
    expect(keywordVerdict(filters, message)).toEqual({ pass: false, reason });
  });
});

describe('activeHoursVerdict', () => {
  const office: ActiveHours = { start: '09:00', end: '18:00', time_zone: 'Asia/Shanghai', days: [1, 2, 3, 4, 5], outside: 'hold' };
  const night: ActiveHours = { start: '22:00', end: '06:00', time_zone: 'UTC', outside: 'hold' };
  const fridayNight: ActiveHours = { ...night, days: [5] };
  const untilMidnight: ActiveHours = { start: '18:00', end: '00:00', time_zone: 'UTC', outside: 'hold' };
  const berlinMorning: ActiveHours = { start: '08:00', end: '09:00', time_zone: 'Europe/Berlin', outside: 'hold' };
  const berlinRepeatedHour: ActiveHours = { start: '02:30', end: '04:00', time_zone: 'Europe/Berlin', outside: 'hold' };
  const berlinSkippedHour: ActiveHours = { start: '02:15', end: '02:45', time_zone: 'Europe/Berlin', outside: 'hold' };
  const berlinEndsInRepeatedHour: ActiveHours = { start: '01:00', end: '02:30', time_zone: 'Europe/Berlin', outside: 'hold' };
  const santiagoNight: ActiveHours = { start: '00:00', end: '06:00', time_zone: 'America/Santiago', outside: 'hold' };

  it.each<[string, ActiveHours, string, string | undefined]>([
    ['Monday 10:00 in Shanghai', office, '2024-01-15T02:00:00Z', undefined],
    ['Monday 09:00 in Shanghai, the start itself', office, '2024-01-15T01:00:00Z', undefined],
    ['Monday 18:00 in Shanghai, the end itself', office, '2024-01-15T10:00:00Z', '2024-01-16T01:00:00Z'],
    ['Monday 08:00 in Shanghai', office, '2024-01-15T00:00:00Z', '2024-01-15T01:00:00Z'],
    ['Friday 19:00 in Shanghai, over the weekend', office, '2024-01-19T11:00:00Z', '2024-01-22T01:00:00Z'],
    ['Saturday noon in Shanghai, not a listed day', office, '2024-01-20T04:00:00Z', '2024-01-22T01:00:00Z'],
    ['Monday 07:00 in Shanghai is Sunday in UTC', office, '2024-01-14T23:00:00Z', '2024-01-15T01:00:00Z'],
    ['23:30 UTC, inside a window over midnight', night, '2024-01-15T23:30:00Z', undefined],
    ['05:59 UTC, still inside it', night, '2024-01-16T05:59:00Z', undefined],
    ['06:00 UTC, just closed', night, '2024-01-16T06:00:00Z', '2024-01-16T22:00:00Z'],
    ['12:00 UTC, outside it', night, '2024-01-16T12:00:00Z', '2024-01-16T22:00:00Z'],
    ['Saturday 03:00, in the window that started on Friday', fridayNight, '2024-01-20T03:00:00Z', undefined],
    ['Saturday 23:00, not a start day', fridayNight, '2024-01-20T23:00:00Z', '2024-01-26T22:00:00Z'],
    ['Friday 03:00, the window of Thursday is not listed', fridayNight, '2024-01-19T03:00:00Z', '2024-01-19T22:00:00Z'],
    ['23:59 in a window ending at midnight', untilMidnight, '2024-01-15T23:59:00Z', undefined],
    ['00:00 when the window ends at midnight', untilMidnight, '2024-01-16T00:00:00Z', '2024-01-16T18:00:00Z'],
    ['Berlin, the day it moves to summer time', berlinMorning, '2024-03-31T05:00:00Z', '2024-03-31T06:00:00Z'],
    ['Berlin, the day before, in winter time', berlinMorning, '2024-03-30T05:00:00Z', '2024-03-30T07:00:00Z'],
    ['Berlin, the evening before the change, opening in summer time', berlinMorning, '2024-03-30T20:00:00Z', '2024-03-31T06:00:00Z'],
    ['Berlin, the day it moves back to winter time', berlinMorning, '2024-10-27T05:00:00Z', '2024-10-27T07:00:00Z'],
    [
      'Berlin, a start inside the skipped hour opens when the clock jumps to 03:00',
      berlinRepeatedHour,
      '2024-03-31T00:10:00Z',
      '2024-03-31T01:00:00Z',
    ],
    [
      'Berlin, a window wholly inside the skipped hour opens the next day',
      berlinSkippedHour,
      '2024-03-31T00:10:00Z',
      '2024-04-01T00:15:00Z',
    ],
    ['Berlin, the first 02:30 of the repeated hour', berlinRepeatedHour, '2024-10-27T00:10:00Z', '2024-10-27T00:30:00Z'],
    ['Berlin, inside the window during the first 02:30–03:00', berlinRepeatedHour, '2024-10-27T00:45:00Z', undefined],
    ['Berlin, the clock back at 02:00 is before the start again', berlinRepeatedHour, '2024-10-27T01:00:00Z', '2024-10-27T01:30:00Z'],
    [
      'Berlin, the clock going back reopens a window ending at 02:30',
      berlinEndsInRepeatedHour,
      '2024-10-27T00:45:00Z',
      '2024-10-27T01:00:00Z',
    ],
    ['Santiago, midnight is skipped: the window opens at 01:00', santiagoNight, '2024-09-07T12:00:00Z', '2024-09-08T04:00:00Z'],
  ])('%s', (_label, hours, now, opensAt) => {
    const verdict = activeHoursVerdict(hours, new Date(now));
    expect(verdict).toEqual(opensAt ? { open: false, opensAt: new Date(opensAt) } : { open: true });
  });
});

describe('dedupeKey and dedupeContent', () => {
  const same = createMessageContext({
    id: 'evt_other',
    time: '2020-01-01T00:00:00Z',
    type: 'alert.fired',
    subject: 'Disk',
    data: message.data,
  });
  const otherSubject = createMessageContext({ type: 'alert.fired', subject: 'CPU', data: message.data });

  it.each<[string, string, string, boolean]>([
    [
      'the same content to the same subscription',
      dedupeKey('sub_1', dedupeContent(message)),
      dedupeKey('sub_1', dedupeContent(same)),
      true,
    ],
    ['another subscription', dedupeKey('sub_1', dedupeContent(message)), dedupeKey('sub_2', dedupeContent(message)), false],
    ['another subject', dedupeKey('sub_1', dedupeContent(message)), dedupeKey('sub_1', dedupeContent(otherSubject)), false],
    ['the id and content are not simply joined', dedupeKey('sub_1', 'a'), dedupeKey('sub_1a', ''), false],
  ])('%s', (_label, first, second, equal) => {
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(first === second).toBe(equal);
  });
});

describe('evaluateFilters', () => {
  function recordingState(allows = true, firstSeen = true): FilterState & { calls: unknown[][] } {
    const calls: unknown[][] = [];
    return {
      calls,
      frequencyAllows: async (max, perSeconds) => {
        calls.push(['frequency', max, perSeconds]);
        return allows;
      },
      dedupeFirstSeen: async (key, windowSeconds) => {
        calls.push(['dedupe', key, windowSeconds]);
        return firstSeen;
      },
    };
  }
  const now = new Date('2024-01-15T02:00:00Z');
  const closedHours: ActiveHours = { start: '20:00', end: '21:00', time_zone: 'UTC', outside: 'drop' };
  const counted: Filters = { frequency_limit: { max: 5, per_seconds: 60 }, dedupe_window_seconds: 300 };
  const key = dedupeKey('sub_1', dedupeContent(message));

  it.each<[string, Filters, FilterState & { calls: unknown[][] }, object, unknown[][]]>([
    ['no filters', {}, recordingState(), { action: 'deliver' }, []],
    [
      'a keyword drop touches no counter',
      { ...counted, keywords: ['cpu-load'], active_hours: closedHours },
      recordingState(),
      { action: 'drop', rule: 'keywords' },
      [],
    ],
    [
      'an active-hours drop touches no counter',
      { ...counted, active_hours: closedHours },
      recordingState(),
      { action: 'drop', rule: 'active_hours' },
      [],
    ],
    [
      'a frequency drop leaves dedupe alone',
      counted,
      recordingState(false),
      { action: 'drop', rule: 'frequency_limit' },
      [['frequency', 5, 60]],
    ],
    [
      'a dedupe drop after frequency',
      counted,
      recordingState(true, false),
      { action: 'drop', rule: 'dedupe' },
      [
        ['frequency', 5, 60],
        ['dedupe', key, 300],
      ],
    ],
    [
      'delivered after both',
      { ...counted, keywords: ['告警'] },
      recordingState(),
      { action: 'deliver' },
      [
        ['frequency', 5, 60],
        ['dedupe', key, 300],
      ],
    ],
    [
      'held, and still counted now',
      { ...counted, active_hours: { ...closedHours, outside: 'hold' } },
      recordingState(),
      { action: 'deliver', at: new Date('2024-01-15T20:00:00Z') },
      [
        ['frequency', 5, 60],
        ['dedupe', key, 300],
      ],
    ],
    ['dedupe alone', { dedupe_window_seconds: 60 }, recordingState(), { action: 'deliver' }, [['dedupe', key, 60]]],
  ])('%s', async (_label, filters, state, expected, calls) => {
    expect(await evaluateFilters(filters, message, 'sub_1', now, state)).toMatchObject(expected);
    expect(state.calls).toEqual(calls);
  });

  it.each<[Filters, FilterState & { calls: unknown[][] }, string]>([
    [{ active_hours: closedHours }, recordingState(), 'outside the active hours 20:00–21:00 UTC'],
    [{ active_hours: { ...closedHours, days: [6, 7] } }, recordingState(), 'outside the active hours 20:00–21:00 UTC on days 6,7'],
    [counted, recordingState(false), 'over the frequency limit of 5 per 60 s'],
    [counted, recordingState(true, false), 'the same content was sent within the last 300 s'],
  ])('%j gives the reason %j', async (filters, state, reason) => {
    expect(await evaluateFilters(filters, message, 'sub_1', now, state)).toMatchObject({ action: 'drop', reason });
  });

  it('leaves out "at" when the window is open', async () => {
    const open: ActiveHours = { start: '00:00', end: '12:00', time_zone: 'UTC', outside: 'hold' };
    expect(await evaluateFilters({ active_hours: open }, message, 'sub_1', now, recordingState())).toEqual({ action: 'deliver' });
  });
});

describe('FiltersDto', () => {
  class Holder {
    @ValidateNested()
    @Type(() => FiltersDto)
    filters: FiltersDto;
  }
  const flatten = (error: ValidationError): string[] => [
    ...Object.values(error.constraints ?? {}),
    ...(error.children ?? []).flatMap(flatten),
  ];
  const messages = (filters: unknown) => validateSync(plainToInstance(Holder, { filters })).flatMap(flatten);
  const hours = { start: '09:00', end: '18:00', time_zone: 'Asia/Shanghai', outside: 'hold' };

  it.each<[string, unknown, string]>([
    [
      'a time without its leading zero',
      { active_hours: { ...hours, start: '9:00' } },
      'start must be a time HH:MM (24-hour), such as 09:00',
    ],
    [
      '24:00',
      { active_hours: { ...hours, end: '24:00' } },
      'end must be a time HH:MM (24-hour), such as 18:00 (before start for a window over midnight)',
    ],
    [
      'an empty window',
      { active_hours: { ...hours, end: '09:00' } },
      'end must differ from start: a window from a time to the same time is empty',
    ],
    [
      'an unknown zone',
      { active_hours: { ...hours, time_zone: 'Mars/Olympus' } },
      'time_zone must be an IANA time zone such as Asia/Shanghai',
    ],
    [
      'an offset instead of a zone',
      { active_hours: { ...hours, time_zone: '+08:00' } },
      'time_zone must be an IANA time zone such as Asia/Shanghai',
    ],
    ['no zone', { active_hours: { ...hours, time_zone: undefined } }, 'time_zone must be an IANA time zone such as Asia/Shanghai'],
    ['no outside', { active_hours: { ...hours, outside: undefined } }, 'outside must be hold (deliver when the window opens) or drop'],
    ['another outside', { active_hours: { ...hours, outside: 'later' } }, 'outside must be hold (deliver when the window opens) or drop'],
    ['days out of range', { active_hours: { ...hours, days: [0, 8] } }, 'days must be ISO weekdays, 1 (Monday) to 7 (Sunday)'],
    ['a fractional day', { active_hours: { ...hours, days: [1.5] } }, 'days must be ISO weekdays, 1 (Monday) to 7 (Sunday)'],
    ['a repeated day', { active_hours: { ...hours, days: [1, 1] } }, 'days must not repeat a day'],
    ['no days', { active_hours: { ...hours, days: [] } }, 'days must contain at least 1 elements'],
    [
      'a path with a space',
      { keyword_fields: ['data.a b'] },
      'keyword_fields must hold paths such as data.title, data.items[0].name or event.subject',
    ],
    [
      'a path breaking out of its placeholder',
      { keyword_fields: ['data.a}${data.b'] },
      'keyword_fields must hold paths such as data.title, data.items[0].name or event.subject',
    ],
    ['an empty path', { keyword_fields: [''] }, 'keyword_fields must hold paths such as data.title, data.items[0].name or event.subject'],
    ['21 paths', { keyword_fields: Array(21).fill('data.title') }, 'keyword_fields must contain no more than 20 elements'],
    ['an empty keyword', { keywords: [''] }, 'keywords must hold words of 1 to 100 characters, not blank'],
    ['a blank keyword', { keywords: ['  '] }, 'keywords must hold words of 1 to 100 characters, not blank'],
    ['a keyword too long', { keywords: ['x'.repeat(101)] }, 'keywords must hold words of 1 to 100 characters, not blank'],
    ['a keyword that is not text', { keywords: [42] }, 'keywords must hold words of 1 to 100 characters, not blank'],
    ['no keywords', { keywords: [] }, 'keywords must contain at least 1 elements'],
    ['51 keywords', { keywords: Array(51).fill('a') }, 'keywords must contain no more than 50 elements'],
    ['a frequency of 0', { frequency_limit: { max: 0, per_seconds: 60 } }, 'max must not be less than 1'],
    ['a frequency window over a day', { frequency_limit: { max: 1, per_seconds: 86_401 } }, 'per_seconds must not be greater than 86400'],
    ['a dedupe window over a day', { dedupe_window_seconds: 86_401 }, 'dedupe_window_seconds must not be greater than 86400'],
    ['a fractional dedupe window', { dedupe_window_seconds: 1.5 }, 'dedupe_window_seconds must be an integer number'],
  ])('refuses %s', (_label, filters, expected) => {
    expect(messages(filters)).toContain(expected);
  });

  it.each<[string, unknown]>([
    ['nothing', {}],
    [
      'a full set',
      {
        keywords: ['告警', 'error'],
        keyword_fields: ['data.title', 'data.items[0].name', 'event.subject', 'data.标题'],
        active_hours: { start: '22:00', end: '06:00', time_zone: 'Asia/Shanghai', days: [1, 5], outside: 'hold' },
        frequency_limit: { max: 10, per_seconds: 60 },
        dedupe_window_seconds: 300,
      },
    ],
    ['100 Chinese characters', { keywords: ['告'.repeat(100)] }],
    ['a window ending at midnight', { active_hours: { ...hours, end: '00:00', outside: 'drop' } }],
  ])('accepts %s', (_label, filters) => {
    expect(messages(filters)).toEqual([]);
  });

  it('names the full path through the server validation pipe', async () => {
    const body = { filters: { active_hours: { ...hours, time_zone: 'Mars/Olympus' } } };
    await expect(validationPipe().transform(body, { type: 'body', metatype: Holder })).rejects.toMatchObject({
      response: { message: 'filters.active_hours.time_zone must be an IANA time zone such as Asia/Shanghai' },
    });
  });
});
