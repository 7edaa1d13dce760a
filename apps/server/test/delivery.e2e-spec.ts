import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { DeliveryGroupCommit } from '../src/outbox/delivery-group-commit.js';
import { TestApp } from './support/test-app.js';
import { staysTrue } from './support/eventually.js';

const token = 'receiver-token-42';
const webhookSecret = 'whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

describe('delivery to an HTTP endpoint', () => {
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;
  const receiver = new FakeWebhookReceiver({ token, webhookSecret });

  beforeAll(async () => {
    await receiver.start();
    herald = await TestApp.start();
    project = await herald.createProject('delivery');
  });
  afterAll(async () => {
    await herald?.stop();
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.answerInTurn([{ status: 200, body: { received: true } }]);
  });

  async function subscribe(path: string, extra: Record<string, unknown> = {}) {
    const response = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: `hook ${path}`,
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['build.*'],
      config: { service_url: `${receiver.url}${path}`, token, webhook_secret: webhookSecret },
      retry_policy: { initial_delay_ms: 100, max_delay_ms: 200, max_attempts: 5 },
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function publish(event: Record<string, unknown>) {
    const response = await herald.request('POST', '/v1/events', project.publisher, event);
    expect(response.status).toBe(202);
    return response.body as { id: string; deliveries: number; duplicate: boolean };
  }

  it('delivers a signed event that an independent check accepts, and logs the answer', async () => {
    const subscription = await subscribe('/signed');
    const published = await publish({ type: 'build.failed', source: 'ci', data: { project: 'demo', id: 42 } });
    expect(published.deliveries).toBe(1);
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.id);
    const done = await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    expect(done.attempts).toHaveLength(1);
    expect(done.attempts[0]).toMatchObject({
      number: 1,
      outcome: 'delivered',
      response_status: 200,
      response_excerpt: '{"received":true}',
    });
    const [request] = receiver.requests.filter((entry) => entry.url === '/signed');
    expect(receiver.verify(request!)).toBeUndefined();
    expect(request!.headers['webhook-id']).toBe(delivery.id);
    expect(JSON.parse(request!.body)).toMatchObject({ id: published.id, type: 'build.failed', data: { project: 'demo', id: 42 } });
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });

  it('retries a receiver that fails twice: two failed attempts, then exactly one success, all logged', async () => {
    const subscription = await subscribe('/flaky');
    receiver.answerInTurn([
      { status: 503, body: 'down' },
      { status: 500, body: 'still down' },
      { status: 200, body: 'ok' },
    ]);
    const published = await publish({ type: 'build.started', data: {} });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.id);
    const done = await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    expect(done.attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['retry', 'retry', 'delivered']);
    expect(done.attempts.map((attempt: { response_status: number }) => attempt.response_status)).toEqual([503, 500, 200]);
    expect(done.attempts[0].error).toContain('HTTP 503');
    expect(receiver.requests.filter((entry) => entry.url === '/flaky')).toHaveLength(3);
    const stats = await herald.request('GET', `/v1/subscriptions/${subscription.id}/stats`, project.admin);
    expect(stats.body).toMatchObject({ total: 1, succeeded: 1, failed: 0, attempts: 3, success_rate: 1 });
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });

  it('fails for good on a 404 with no retry, and a manual retry sends again', async () => {
    const subscription = await subscribe('/gone');
    receiver.answerInTurn([{ status: 404, body: 'no such hook' }]);
    const published = await publish({ type: 'build.failed', data: {} });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.id);
    const failed = await herald.waitForDelivery(project.admin, delivery.id, 'failed');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.last_error).toContain('HTTP 404: no such hook');
    await staysTrue(() => receiver.requests.filter((entry) => entry.url === '/gone').length === 1, {
      forMs: 500,
      what: 'no retry after a permanent failure',
    });

    receiver.answerInTurn([{ status: 200, body: 'ok' }]);
    const retried = await herald.request('POST', `/v1/deliveries/${delivery.id}/retry`, project.admin);
    expect(retried.status).toBe(202);
    const done = await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    expect(done.attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['failed', 'delivered']);
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });

  it('re-delivers every failed delivery of a subscription since a time (bulk recovery)', async () => {
    const subscription = await subscribe('/outage', { retry_policy: { max_attempts: 1 } });
    receiver.answerInTurn([{ status: 500, body: 'down' }]);
    const events = [await publish({ type: 'build.lost', data: { n: 1 } }), await publish({ type: 'build.lost', data: { n: 2 } })];
    for (const event of events) {
      const [delivery] = await herald.deliveriesOfEvent(project.admin, event.id);
      await herald.waitForDelivery(project.admin, delivery.id, 'failed');
    }
    receiver.answerInTurn([{ status: 200, body: 'ok' }]);
    const later = await herald.request('POST', `/v1/subscriptions/${subscription.id}/redeliver`, project.admin, {
      since: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(later.body.redelivered).toBe(0);
    const since = new Date(Date.now() - 60_000).toISOString();
    const recovered = await herald.request('POST', `/v1/subscriptions/${subscription.id}/redeliver`, project.admin, { since });
    expect(recovered).toMatchObject({ status: 202, body: { redelivered: 2 } });
    for (const id of recovered.body.delivery_ids) await herald.waitForDelivery(project.admin, id, 'succeeded');
    const bad = await herald.request('POST', `/v1/subscriptions/${subscription.id}/redeliver`, project.admin, { since: 'last week' });
    expect(bad).toMatchObject({ status: 400, body: { message: 'since must be an ISO 8601 date-time such as 2024-01-15T10:30:00Z' } });
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });

  it('lets no second worker claim a delivery while one holds it, and refuses a manual retry of it', async () => {
    const subscription = await subscribe('/slow');
    receiver.answerInTurn([{ status: 200, body: 'ok', delayMs: 1_500 }]);
    const published = await publish({ type: 'build.slow', data: {} });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.id);
    await receiver.waitForRequests(1);
    expect(await herald.app.get(DeliveryGroupCommit).claim(delivery.id, 10_000)).toBeNull();
    const retry = await herald.request('POST', `/v1/deliveries/${delivery.id}/retry`, project.admin);
    expect(retry).toMatchObject({
      status: 409,
      body: { message: `delivery ${delivery.id} is delivering; only a succeeded or failed delivery can be retried` },
    });
    await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    expect(receiver.requests.filter((entry) => entry.url === '/slow')).toHaveLength(1);
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });

  it('creates no second delivery for a repeated event id', async () => {
    const subscription = await subscribe('/once');
    const first = await publish({ id: 'order-1001', type: 'build.done', data: { n: 1 } });
    const second = await publish({ id: 'order-1001', type: 'build.done', data: { n: 2 } });
    expect(second).toEqual({ id: first.id, deliveries: 1, duplicate: true });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, first.id);
    await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    const log = await herald.request('GET', `/v1/deliveries?subscription_id=${subscription.id}`, project.admin);
    expect(log.body.data).toHaveLength(1);
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });

  it('sends nothing to a disabled subscription, and matches event types by exact, prefix and *', async () => {
    const disabled = await subscribe('/disabled', { enabled: false, event_types: ['*'] });
    const exact = await subscribe('/exact', { event_types: ['deploy.done'] });
    const published = await publish({ type: 'deploy.done', data: {} });
    expect(published.deliveries).toBe(1);
    const deliveries = await herald.deliveriesOfEvent(project.admin, published.id);
    expect(deliveries.map((delivery: { subscription_id: string }) => delivery.subscription_id)).toEqual([exact.id]);
    const unmatched = await publish({ type: 'deployment', data: {} });
    expect(unmatched.deliveries).toBe(0);
    await herald.request('DELETE', `/v1/subscriptions/${disabled.id}`, project.admin);
    await herald.request('DELETE', `/v1/subscriptions/${exact.id}`, project.admin);
  });

  it('publishes a batch in one call', async () => {
    const subscription = await subscribe('/batch');
    const response = await herald.request('POST', '/v1/events/batch', project.publisher, {
      events: [{ type: 'build.a' }, { type: 'build.b', id: 'b-1' }, { type: 'other' }, { type: 'build.b', id: 'b-1' }],
    });
    expect(response.status).toBe(202);
    expect(
      response.body.results.map((result: { deliveries: number; duplicate: boolean }) => [result.deliveries, result.duplicate]),
    ).toEqual([
      [1, false],
      [1, false],
      [0, false],
      [1, true],
    ]);
    await receiver.waitForRequests(2);
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });

  it('sends a test message now and returns the platform answer', async () => {
    const subscription = await subscribe('/test-send');
    const response = await herald.request('POST', `/v1/subscriptions/${subscription.id}/test`, project.admin);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ outcome: 'delivered', response: { status: 200 } });
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ type: 'herald.test', project: { key: 'delivery' } });
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });
});
