import { describe, expect, it } from '@jest/globals';
import { alertmanagerEvents } from './alertmanager.adapter.js';
import { feishuProjectEvent, parseFeishuProjectWebhook } from './feishu-project.adapter.js';
import { genericEvent } from './generic.adapter.js';
import { IngestBodyError } from './ingest-event.js';

const alert = {
  status: 'firing',
  labels: { alertname: 'DiskFull', instance: 'db1' },
  startsAt: '2024-01-15T10:30:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  fingerprint: 'f1',
};
const idOf = (changes: Record<string, unknown>) => alertmanagerEvents({ alerts: [{ ...alert, ...changes }] })[0]!.id;

describe('Alertmanager adapter: event ids', () => {
  it.each([
    ['the same alert sent again', {}, true],
    ['a firing alert whose endsAt moved on (Prometheus re-sends it)', { endsAt: '2024-01-15T10:34:00Z' }, true],
    ['the same alert resolved', { status: 'resolved', endsAt: '2024-01-15T10:45:00Z' }, false],
    ['the alert firing again later', { startsAt: '2024-01-15T12:00:00Z' }, false],
    ['another alert of the group', { fingerprint: 'f2' }, false],
  ])('%s: same id %s', (_case, changes, same) => {
    expect(idOf(changes) === idOf({})).toBe(same);
  });

  it('keeps a resolved alert idempotent on its end too', () => {
    const resolved = { status: 'resolved', endsAt: '2024-01-15T10:45:00Z' };
    expect(idOf(resolved)).toBe(idOf(resolved));
    expect(idOf(resolved)).not.toBe(idOf({ ...resolved, endsAt: '2024-01-15T11:45:00Z' }));
  });

  it('names the field of a body it cannot read', () => {
    expect(() => alertmanagerEvents({ alerts: [{ ...alert, labels: { n: 1 } }] })).toThrow(
      new IngestBodyError('body.alerts[0].labels.n', 'must be string'),
    );
    expect(() => alertmanagerEvents({})).toThrow(new IngestBodyError('body.alerts', 'is required'));
  });
});

describe('Feishu Project adapter', () => {
  it('keeps old webhook names and ignores unknown fields', () => {
    const webhook = parseFeishuProjectWebhook({
      header: { event_type: 'EventCreate-story', uuid: 'u1', extra: 1 },
      payload: { id: 1 },
      more: true,
    });
    expect(feishuProjectEvent(webhook)).toEqual({
      id: 'u1',
      type: 'feishu_project.EventCreate-story',
      source: 'feishu-project',
      data: { id: 1 },
    });
  });

  it('keeps an empty operator as it came, so it goes back out as sent', () => {
    const webhook = parseFeishuProjectWebhook({
      header: { operator: '', event_type: 'WorkitemCreateEvent', token: '', uuid: '' },
      payload: {},
    });
    expect(feishuProjectEvent(webhook)).toEqual({
      type: 'feishu_project.WorkitemCreateEvent',
      source: 'feishu-project',
      subject: '',
      data: {},
    });
  });

  it.each([
    ['beside the payload’s fields', { trigger_at: 1 }, { trigger_at: 1, rule_name: '每日到期提醒' }],
    ['without overwriting a rule_name of the payload’s own', { rule_name: 'own' }, { rule_name: 'own' }],
    ['nowhere when the payload is not an object', [1, 2], [1, 2]],
  ])('carries header.rule_name into the data %s', (_label, payload, data) => {
    const webhook = parseFeishuProjectWebhook({ header: { event_type: 'TimedTriggerEvent', rule_name: '每日到期提醒' }, payload });
    expect(feishuProjectEvent(webhook).data).toEqual(data);
  });

  it('refuses an event type with characters a type may not hold', () => {
    expect(() => feishuProjectEvent(parseFeishuProjectWebhook({ header: { event_type: 'Event Create' } }))).toThrow(IngestBodyError);
  });
});

describe('generic adapter', () => {
  const body = { event_type: 'leave_message', timestamp: '2024-01-15T10:30:00+08:00', data: { message_id: 'm1', items: [{ id: 7 }] } };
  it.each([
    [
      { type_path: 'event_type', type_prefix: 'weiyu.' },
      { type: 'weiyu.leave_message', data: body },
    ],
    [{ type: 'apipost.api.updated' }, { type: 'apipost.api.updated', data: body }],
    [
      { type_path: 'event_type', data_path: 'data', id_path: 'data.items[0].id' },
      { type: 'leave_message', id: '7', data: body.data },
    ],
    [{ type_path: 'event_type', time_path: 'timestamp' }, { time: '2024-01-15T02:30:00.000Z' }],
  ])('reads %j', (settings, expected) => {
    expect(genericEvent(body, settings, 'sender')).toMatchObject({ source: 'sender', ...expected });
  });

  it.each([
    [{ type_path: 'missing' }, 'body.missing'],
    [{ type_path: 'data' }, 'body.data'],
    [{ type_path: '__proto__' }, 'body.__proto__'],
  ])('refuses %j, naming %s', (settings, field) => {
    expect(() => genericEvent(body, settings, 'sender')).toThrow(expect.objectContaining({ field }));
  });
});
