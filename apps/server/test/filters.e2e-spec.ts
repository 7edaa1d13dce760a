import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import pg from 'pg';
import { TestApp } from './support/test-app.js';
import { staysTrue } from './support/eventually.js';

describe('subscription filters', () => {
  const receiver = new FakeWebhookReceiver();
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    await receiver.start();
    herald = await TestApp.start();
    project = await herald.createProject('filters');
  });
  afterAll(async () => {
    await herald?.stop();
    await receiver.stop();
  });

  async function subscribe(path: string, filters: object, eventTypes = ['*']) {
    const response = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: path,
      channel: 'http',
      action: 'webhook_http_post',
      event_types: eventTypes,
      config: { service_url: `${receiver.url}${path}` },
      filters,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function publishTo(subscriptionId: string, event: object) {
    const published = await herald.request('POST', '/v1/events', project.publisher, event);
    const deliveries = await herald.deliveriesOfEvent(project.admin, published.body.id);
    return deliveries.find((delivery: { subscription_id: string }) => delivery.subscription_id === subscriptionId);
  }

  it('keywords: only events that contain one of the words are sent; the rest are recorded as skipped', async () => {
    const subscription = await subscribe('/keywords', { keywords: ['告警', 'error'], keyword_fields: ['data.title'] }, ['kw.*']);
    const skipped = await publishTo(subscription.id, { type: 'kw.x', data: { title: 'all fine' } });
    expect(skipped).toMatchObject({
      status: 'skipped',
      last_error: 'filtered by keywords: none of the keywords (告警, error) occurs in data.title',
    });
    const sent = await publishTo(subscription.id, { type: 'kw.x', data: { title: '磁盘告警' } });
    await herald.waitForDelivery(project.admin, sent.id, 'succeeded');
    const listed = await herald.request('GET', `/v1/deliveries?subscription_id=${subscription.id}&status=skipped`, project.admin);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((delivery: { id: string }) => delivery.id)).toEqual([skipped.id]);
  });

  it('filters see the event exactly as it is delivered: the default source, and the time in UTC', async () => {
    const bySource = await subscribe('/same-source', { keywords: ['api'], keyword_fields: ['event.source'] }, ['same.source']);
    const byTime = await subscribe('/same-time', { keywords: ['2024-01-15T02:30:00.000Z'], keyword_fields: ['event.time'] }, ['same.time']);
    for (const [subscription, type] of [
      [bySource, 'same.source'],
      [byTime, 'same.time'],
    ]) {
      const delivery = await publishTo(subscription.id, { type, time: '2024-01-15T10:30:00+08:00', data: {} });
      await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    }
    for (const path of ['/same-source', '/same-time']) {
      const delivered = receiver.requests.filter((entry) => entry.url === path).map((entry) => JSON.parse(entry.body));
      expect(delivered).toEqual([expect.objectContaining({ source: 'api', time: '2024-01-15T02:30:00.000Z' })]);
    }
  });

  it('dedupe window and frequency limit drop repeats and the excess', async () => {
    const deduped = await subscribe('/dedupe', { dedupe_window_seconds: 60 }, ['dup.*']);
    expect((await publishTo(deduped.id, { type: 'dup.x', data: { n: 1 } })).status).not.toBe('skipped');
    expect(await publishTo(deduped.id, { type: 'dup.x', data: { n: 1 } })).toMatchObject({
      status: 'skipped',
      last_error: expect.stringContaining('filtered by dedupe'),
    });
    expect((await publishTo(deduped.id, { type: 'dup.x', data: { n: 2 } })).status).not.toBe('skipped');

    const limited = await subscribe('/frequency', { frequency_limit: { max: 2, per_seconds: 60 } }, ['freq.*']);
    const statuses = [];
    for (let n = 0; n < 3; n += 1) statuses.push((await publishTo(limited.id, { type: 'freq.x', data: { n } })).status === 'skipped');
    expect(statuses).toEqual([false, false, true]);
  });

  it('a repeated event id spends no frequency-limit count, alone or within a batch', async () => {
    const limited = await subscribe('/repeats', { frequency_limit: { max: 2, per_seconds: 60 } }, ['repeat.*']);
    const first = await herald.request('POST', '/v1/events', project.publisher, { id: 'repeat-1', type: 'repeat.x', data: {} });
    expect(first.body).toMatchObject({ deliveries: 1, duplicate: false });
    for (let n = 0; n < 3; n += 1) {
      const again = await herald.request('POST', '/v1/events', project.publisher, { id: 'repeat-1', type: 'repeat.x', data: {} });
      expect(again.body).toEqual({ ...first.body, duplicate: true });
    }
    const batch = await herald.request('POST', '/v1/events/batch', project.publisher, {
      events: [
        { id: 'repeat-2', type: 'repeat.x', data: {} },
        { id: 'repeat-2', type: 'repeat.x', data: {} },
        { id: 'repeat-1', type: 'repeat.x', data: {} },
      ],
    });
    expect(batch.body.results.map((result: { duplicate: boolean }) => result.duplicate)).toEqual([false, true, true]);
    const [second] = await herald.deliveriesOfEvent(project.admin, batch.body.results[0].id);
    expect(second.status).not.toBe('skipped');
    const third = await publishTo(limited.id, { type: 'repeat.x', data: {} });
    expect(third).toMatchObject({ status: 'skipped', last_error: expect.stringContaining('filtered by frequency_limit') });
  });

  it('a publish whose transaction fails gives its frequency-limit counts back', async () => {
    const limited = await subscribe('/rolled-back', { frequency_limit: { max: 1, per_seconds: 60 } }, ['rollback.*']);
    const database = new pg.Client({ connectionString: herald.environment.databaseUrl });
    await database.connect();
    try {
      // Postgres itself refuses this event type, so the publish transaction rolls back after the filters counted.
      await database.query(`ALTER TABLE events ADD CONSTRAINT refuse_for_test CHECK (type <> 'rollback.refused')`);
      const refused = await herald.request('POST', '/v1/events', project.publisher, { type: 'rollback.refused', data: {} });
      expect(refused.status).toBe(500);
    } finally {
      await database.query('ALTER TABLE events DROP CONSTRAINT IF EXISTS refuse_for_test');
      await database.end();
    }
    const stored = await publishTo(limited.id, { type: 'rollback.accepted', data: {} });
    expect(stored.status).not.toBe('skipped');
    await herald.waitForDelivery(project.admin, stored.id, 'succeeded');
  });

  it('active hours hold an event until the window opens, or drop it', async () => {
    const opens = new Date(Date.now() + 2 * 3_600_000);
    const start = opens.toISOString().slice(11, 16);
    const end = new Date(opens.getTime() + 3_600_000).toISOString().slice(11, 16);
    const held = await subscribe('/hold', { active_hours: { start, end, time_zone: 'UTC', outside: 'hold' } }, ['hours.*']);
    const delivery = await publishTo(held.id, { type: 'hours.x' });
    expect(delivery.status).toBe('pending');
    expect(Date.parse(delivery.next_attempt_at)).toBe(Date.parse(`${opens.toISOString().slice(0, 11)}${start}:00Z`));
    await staysTrue(() => receiver.requests.every((request) => request.url !== '/hold'), {
      forMs: 300,
      what: 'nothing sent outside the active hours',
    });

    const dropped = await subscribe('/drop', { active_hours: { start, end, time_zone: 'UTC', outside: 'drop' } }, ['hours.*']);
    expect(await publishTo(dropped.id, { type: 'hours.y' })).toMatchObject({
      status: 'skipped',
      last_error: expect.stringContaining('filtered by active_hours'),
    });
  });

  it('a dry run says whether an event would go and which rule stops it, and counts nothing', async () => {
    const subscription = await subscribe('/dry', { keywords: ['deploy'], frequency_limit: { max: 1, per_seconds: 60 } }, ['ci.*']);
    const dryRun = (event: object) => herald.request('POST', `/v1/subscriptions/${subscription.id}/dry-run`, project.admin, event);
    expect((await dryRun({ type: 'other.x' })).body).toMatchObject({ would_deliver: false, stopped_by: 'event_types' });
    expect((await dryRun({ type: 'ci.x', data: { step: 'test' } })).body).toMatchObject({ would_deliver: false, stopped_by: 'keywords' });
    for (let n = 0; n < 3; n += 1)
      expect((await dryRun({ type: 'ci.x', data: { step: 'deploy' } })).body).toEqual({
        would_deliver: true,
        stopped_by: null,
        reason: null,
        deliver_at: null,
      });
    const real = await publishTo(subscription.id, { type: 'ci.x', data: { step: 'deploy' } });
    expect(real.status).not.toBe('skipped');
    expect((await dryRun({ type: 'ci.x', data: { step: 'deploy' } })).body).toMatchObject({
      would_deliver: false,
      stopped_by: 'frequency_limit',
    });
  });

  it('refuses invalid filters with a message naming the field', async () => {
    const response = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'bad',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: `${receiver.url}/bad` },
      filters: { active_hours: { start: '09:00', end: '18:00', time_zone: 'Mars/Olympus', outside: 'hold' } },
    });
    expect(response).toMatchObject({
      status: 400,
      body: { message: 'filters.active_hours.time_zone must be an IANA time zone such as Asia/Shanghai' },
    });
  });
});
