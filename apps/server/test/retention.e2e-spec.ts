import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { ROOT_KEY } from '../src/tools/scratch-environment.js';
import { eventually } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

describe('retention', () => {
  const receiver = new FakeWebhookReceiver();
  let herald: TestApp;
  let database: pg.Client;

  beforeAll(async () => {
    await receiver.start();
    herald = await TestApp.start({ HERALD_RETENTION_DAYS: '30', HERALD_RETENTION_INTERVAL_MS: '300' });
    database = new pg.Client({ connectionString: herald.environment.databaseUrl });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await herald?.stop();
    await receiver.stop();
  });

  const count = async (sql: string, parameters: unknown[] = []) => (await database.query(sql, parameters)).rows[0].count as number;

  async function subscribe(admin: string, name: string, extra: object = {}) {
    const response = await herald.request('POST', '/v1/subscriptions', admin, {
      name,
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: `${receiver.url}/${name}` },
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  it('removes finished rows older than the retention in batches, keeps pending ones, and honours a project setting', async () => {
    const project = await herald.createProject('short');
    const longer = await herald.request('POST', '/v1/projects', ROOT_KEY, { key: 'long', name: 'Long', retention_days: 90 });
    expect(longer).toMatchObject({ status: 201, body: { retention_days: 90 } });
    const longerPublisher = longer.body.api_keys.find((entry: { role: string }) => entry.role === 'publisher').key;
    const longerAdmin = longer.body.api_keys.find((entry: { role: string }) => entry.role === 'admin').key;

    await subscribe(project.admin, 'delivered', { event_types: ['sent.*'] });
    const skipping = await subscribe(project.admin, 'skipping', {
      event_types: ['bulk.*'],
      filters: { keywords: ['never-present'], keyword_fields: ['data.title'] },
    });
    const paused = await subscribe(project.admin, 'paused', { event_types: ['held.*'] });
    await database.query(`UPDATE subscriptions SET paused_until = now() + interval '1 day' WHERE id = $1`, [paused]);
    await subscribe(longerAdmin, 'kept', { event_types: ['sent.*'] });

    // 1500 skipped deliveries (more than one batch of 1000) and their events, with no requests made.
    for (let batch = 0; batch < 3; batch += 1) {
      const events = Array.from({ length: 500 }, (_, index) => ({ type: 'bulk.made', data: { title: `row ${batch}-${index}` } }));
      expect((await herald.request('POST', '/v1/events/batch', project.publisher, { events })).status).toBe(202);
    }
    const sent = await herald.request('POST', '/v1/events', project.publisher, { type: 'sent.one' });
    const held = await herald.request('POST', '/v1/events', project.publisher, { type: 'held.one' });
    const kept = await herald.request('POST', '/v1/events', longerPublisher, { type: 'sent.one' });
    await receiver.waitForRequests(2);
    const [sentDelivery] = await herald.deliveriesOfEvent(project.admin, sent.body.id);
    await herald.waitForDelivery(project.admin, sentDelivery.id, 'succeeded');
    const [keptDelivery] = await herald.deliveriesOfEvent(longerAdmin, kept.body.id);
    await herald.waitForDelivery(longerAdmin, keptDelivery.id, 'succeeded');
    expect(await count(`SELECT count(*)::int FROM deliveries WHERE subscription_id = $1 AND status = 'skipped'`, [skipping])).toBe(1500);
    expect(await count(`SELECT count(*)::int FROM deliveries WHERE status = 'pending'`)).toBe(1);
    expect(await count('SELECT count(*)::int FROM attempts')).toBe(2);

    // 40 days pass for everything but one fresh event of the short project.
    await database.query(`UPDATE events SET received_at = now() - interval '40 days'`);
    await database.query(`UPDATE deliveries SET created_at = now() - interval '40 days'`);
    await database.query(`UPDATE attempts SET started_at = now() - interval '40 days'`);
    const fresh = await herald.request('POST', '/v1/events', project.publisher, { type: 'other.fresh' });

    await eventually(async () => (await count('SELECT count(*)::int FROM events WHERE project_id = $1', [project.id])) === 2, {
      timeout: 30_000,
      what: 'removal of the old events',
    });
    const remaining = await database.query(`SELECT id, project_id FROM events ORDER BY id`);
    expect(remaining.rows.map((row) => row.id).sort()).toEqual([held.body.id, fresh.body.id, kept.body.id].sort());
    const deliveries = await database.query(`SELECT event_id, status FROM deliveries ORDER BY event_id`);
    expect(deliveries.rows).toEqual(
      [
        { event_id: held.body.id, status: 'pending' },
        { event_id: kept.body.id, status: 'succeeded' },
      ].sort((a, b) => a.event_id.localeCompare(b.event_id)),
    );
    expect(await count('SELECT count(*)::int FROM attempts')).toBe(1);
    expect(await count(`SELECT count(*)::int FROM attempts WHERE delivery_id = $1`, [keptDelivery.id])).toBe(1);
  });

  it('refuses a project retention that is not a positive whole number of days', async () => {
    const refused = await herald.request('POST', '/v1/projects', ROOT_KEY, { key: 'bad', name: 'Bad', retention_days: 0 });
    expect(refused).toMatchObject({ status: 400, body: { message: expect.stringContaining('retention_days must be 1 to 36500') } });
  });
});
