import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { createScratchEnvironment, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { parsePrometheusText, sampleValue, type Sample } from './support/prometheus-text.js';
import { TestApp } from './support/test-app.js';

describe('metrics after some traffic', () => {
  const receiver = new FakeWebhookReceiver();
  let environment: ScratchEnvironment;
  let api: TestApp;
  let worker: TestApp | undefined;
  let database: pg.Client;

  beforeAll(async () => {
    await receiver.start();
    environment = await createScratchEnvironment();
    api = await TestApp.start({ HERALD_ROLE: 'api' }, environment);
    database = new pg.Client({ connectionString: environment.databaseUrl });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await worker?.stop(false);
    await api?.stop();
    await receiver.stop();
  });

  async function scrape(app: TestApp): Promise<Sample[]> {
    const response = await app.request('GET', '/metrics');
    expect(response.status).toBe(200);
    return parsePrometheusText(response.body as string);
  }

  it('reports the backlog, latency, skipped deliveries, subscription states and API requests by route', async () => {
    const project = await api.createProject('metrics');
    const subscribe = async (name: string, extra: object = {}) => {
      const response = await api.request('POST', '/v1/subscriptions', project.admin, {
        name,
        channel: 'http',
        action: 'webhook_http_post',
        event_types: ['order.*'],
        config: { service_url: `${receiver.url}/${name}` },
        ...extra,
      });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    await subscribe('plain');
    await subscribe('keywords', { filters: { keywords: ['urgent'], keyword_fields: ['data.title'] } });
    const paused = await subscribe('paused', { event_types: ['other.*'] });
    const disabled = await subscribe('disabled', { event_types: ['other.*'] });
    await database.query(`UPDATE subscriptions SET paused_until = now() + interval '1 hour' WHERE id = $1`, [paused]);
    expect((await api.request('PATCH', `/v1/subscriptions/${disabled}`, project.admin, { enabled: false })).status).toBe(200);

    const published = await api.request('POST', '/v1/events', project.publisher, { type: 'order.paid', data: { title: 'routine' } });
    expect(published).toMatchObject({ status: 202, body: { deliveries: 1 } });
    expect((await api.request('GET', `/v1/events/${published.body.id}`, project.admin)).status).toBe(200);
    expect((await api.request('GET', '/v1/no/such/path/evt_12345', project.admin)).status).toBe(404);
    // No worker runs yet: the delivery waits, due, and its wait is measured.
    await database.query(
      `UPDATE deliveries SET next_attempt_at = now() - interval '30 seconds', created_at = now() - interval '30 seconds'`,
    );

    const before = await scrape(api);
    expect(sampleValue(before, 'herald_delivery_queue_depth', { state: 'due' })).toBe(1);
    expect(sampleValue(before, 'herald_delivery_queue_depth', { state: 'delivering' })).toBe(0);
    expect(sampleValue(before, 'herald_delivery_oldest_due_age_seconds')).toBeGreaterThanOrEqual(30);
    expect(sampleValue(before, 'herald_deliveries_skipped_total', { rule: 'keywords' })).toBe(1);
    expect(sampleValue(before, 'herald_events_published_total')).toBe(1);
    expect(sampleValue(before, 'herald_subscriptions', { state: 'active' })).toBe(2);
    expect(sampleValue(before, 'herald_subscriptions', { state: 'paused' })).toBe(1);
    expect(sampleValue(before, 'herald_subscriptions', { state: 'disabled' })).toBe(1);
    expect(sampleValue(before, 'herald_http_requests_total', { method: 'POST', route: '/v1/events', status: '202' })).toBe(1);
    expect(sampleValue(before, 'herald_http_requests_total', { method: 'GET', route: '/v1/events/:id', status: '200' })).toBe(1);
    expect(sampleValue(before, 'herald_http_requests_total', { method: 'GET', route: '(unmatched)', status: '404' })).toBe(1);
    expect(sampleValue(before, 'herald_http_request_duration_seconds_count', { method: 'POST', route: '/v1/subscriptions' })).toBe(4);
    const routes = new Set(before.filter((sample) => sample.name === 'herald_http_requests_total').map((sample) => sample.labels.route));
    expect([...routes].filter((route) => /evt_|dlv_|sub_|no\/such/.test(route!))).toEqual([]);

    worker = await TestApp.start({ HERALD_ROLE: 'worker' }, environment);
    await receiver.waitForRequests(1);
    await api.waitForDelivery(project.admin, (await api.deliveriesOfEvent(project.admin, published.body.id))[0].id, 'succeeded');

    const after = await scrape(worker);
    expect(sampleValue(after, 'herald_delivery_latency_seconds_count', { channel: 'http' })).toBe(1);
    expect(sampleValue(after, 'herald_delivery_latency_seconds_sum', { channel: 'http' })).toBeGreaterThanOrEqual(30);
    expect(sampleValue(after, 'herald_delivery_latency_seconds_bucket', { channel: 'http', le: '10' })).toBe(0);
    expect(sampleValue(after, 'herald_delivery_latency_seconds_bucket', { channel: 'http', le: '+Inf' })).toBe(1);
    expect(sampleValue(after, 'herald_delivery_attempts_total', { channel: 'http', outcome: 'delivered' })).toBe(1);
    expect(sampleValue(after, 'herald_delivery_queue_depth', { state: 'due' })).toBe(0);
    expect(sampleValue(after, 'herald_delivery_oldest_due_age_seconds')).toBe(0);

    const names = new Set(after.map((sample) => sample.name.replace(/_(bucket|sum|count)$/, '')));
    expect([...names].filter((name) => !name.startsWith('herald_'))).toEqual([]);
  });

  it('serves every series the Grafana dashboard queries', async () => {
    const dashboard = await readFile(new URL('../../../deploy/grafana/herald-dashboard.json', import.meta.url), 'utf8');
    const queried = new Set([...dashboard.matchAll(/\bherald_\w+/g)].map(([name]) => name.replace(/_(bucket|sum|count)$/, '')));
    expect(queried.size).toBeGreaterThan(10);
    const declared = new Set(
      [...((await api.request('GET', '/metrics')).body as string).matchAll(/^# TYPE (\w+)/gm)].map(([, name]) => name),
    );
    expect([...queried].filter((name) => !declared.has(name))).toEqual([]);
  });
});
