import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { createScratchEnvironment, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { eventually } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

describe('publishing while a dependency is down, deliveries through the queue', () => {
  const receiver = new FakeWebhookReceiver();
  const postgres = new TcpProxy('127.0.0.1', 5432);
  const redis = new TcpProxy('127.0.0.1', 6379);
  let environment: ScratchEnvironment;
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    await Promise.all([receiver.start(), postgres.up(), redis.up()]);
    environment = await createScratchEnvironment();
    const databaseUrl = new URL(environment.databaseUrl);
    databaseUrl.port = String(postgres.port);
    herald = await TestApp.start(
      { DATABASE_URL: databaseUrl.toString(), REDIS_URL: `redis://127.0.0.1:${redis.port}`, HERALD_HANDOFF_LIMIT: '0' },
      environment,
    );
    project = await herald.createProject('outage');
    await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'hook',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: `${receiver.url}/hook` },
    });
  });
  afterAll(async () => {
    await postgres.up();
    await redis.up();
    await herald?.stop(false);
    await Promise.all([receiver.stop(), postgres.down(), redis.down()]);
    await environment.dispose();
  });

  it('stores the event while Redis is down, and delivers it when Redis is back', async () => {
    await redis.down();
    const published = await herald.request('POST', '/v1/events', project.publisher, { type: 'order.paid', data: { order: 1 } });
    expect(published).toMatchObject({ status: 202, body: { deliveries: 1, duplicate: false } });
    const database = new pg.Client({ connectionString: environment.databaseUrl });
    await database.connect();
    const stored = await database.query('SELECT status FROM deliveries WHERE event_id = $1', [published.body.id]);
    await database.end();
    expect(stored.rows).toEqual([{ status: 'pending' }]);
    expect(receiver.requests).toHaveLength(0);

    await redis.up();
    const [request] = await receiver.waitForRequests(1, 30_000);
    expect(JSON.parse(request!.body)).toMatchObject({ id: published.body.id });
  });

  it('answers 503, never 202, while PostgreSQL is down, and recovers', async () => {
    await postgres.down();
    const published = await herald.request('POST', '/v1/events', project.publisher, { id: 'while-down', type: 'order.paid' });
    expect(published).toMatchObject({
      status: 503,
      body: { statusCode: 503, message: 'the database is unavailable, so nothing was stored; try again shortly' },
    });
    expect((await herald.request('GET', '/health')).status).toBe(503);

    await postgres.up();
    const retried = await eventually(
      async () => {
        const answer = await herald.request('POST', '/v1/events', project.publisher, { id: 'while-down', type: 'order.paid' });
        return answer.status === 202 && answer;
      },
      { timeout: 15_000, what: 'a publish accepted once PostgreSQL is back' },
    );
    expect(retried).toMatchObject({ status: 202, body: { duplicate: false } });
  });
});

describe('publishing while Redis is down, deliveries handed to the same process', () => {
  const receiver = new FakeWebhookReceiver();
  const redis = new TcpProxy('127.0.0.1', 6379);
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    await Promise.all([receiver.start(), redis.up()]);
    herald = await TestApp.start({ REDIS_URL: `redis://127.0.0.1:${redis.port}` });
    project = await herald.createProject('handed');
    await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'hook',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: `${receiver.url}/hook` },
    });
  });
  afterAll(async () => {
    await redis.up();
    await herald?.stop();
    await Promise.all([receiver.stop(), redis.down()]);
  });

  it('stores the event and delivers it at once: no queue job stands between them', async () => {
    await redis.down();
    const published = await herald.request('POST', '/v1/events', project.publisher, { type: 'order.paid', data: { order: 1 } });
    expect(published).toMatchObject({ status: 202, body: { deliveries: 1, duplicate: false } });
    const [request] = await receiver.waitForRequests(1, 15_000);
    expect(JSON.parse(request!.body)).toMatchObject({ id: published.body.id });
    const database = new pg.Client({ connectionString: herald.environment.databaseUrl });
    await database.connect();
    try {
      const stored = await eventually(
        async () => {
          const { rows } = await database.query('SELECT status, attempt_count FROM deliveries WHERE event_id = $1', [published.body.id]);
          return rows[0]?.status === 'succeeded' && rows;
        },
        { timeout: 15_000, what: 'the delivery recorded as succeeded' },
      );
      expect(stored).toEqual([{ status: 'succeeded', attempt_count: 1 }]);
    } finally {
      await database.end();
    }
    await redis.up();
    await eventually(async () => (await herald.request('GET', '/health/ready')).status === 200, { what: 'Redis answering again' });
  });
});
