import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { eventually } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

/** What a channel says beyond delivered/failed: a note on a delivery, a destination that no longer exists. */
describe('channel outcomes the core keeps', () => {
  const receiver = new FakeWebhookReceiver();
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    receiver.handler = (request) => {
      if (request.url === '/slack') return { status: 200, body: 'proxied: accepted' };
      if (request.url === '/gone') return { status: 410, body: 'this hook was deleted' };
      return { status: 200, body: 'ok' };
    };
    await receiver.start();
    herald = await TestApp.start();
    project = await herald.createProject('outcomes');
  });
  afterAll(async () => {
    await herald?.stop();
    await receiver.stop();
  });

  async function subscribe(body: Record<string, unknown>) {
    const response = await herald.request('POST', '/v1/subscriptions', project.admin, body);
    expect(response.status).toBe(201);
    return response.body;
  }

  async function deliveryOf(type: string) {
    const published = await herald.request('POST', '/v1/events', project.publisher, { type, data: { n: 1 } });
    expect(published.status).toBe(202);
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    return delivery;
  }

  it("records a channel's note on the attempt and shows it in the delivery log", async () => {
    await subscribe({
      name: 'slack behind a proxy',
      channel: 'slack',
      action: 'slack_incoming_webhook',
      event_types: ['note.*'],
      config: { service_url: `${receiver.url}/slack` },
    });
    const delivery = await deliveryOf('note.made');
    const done = await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    expect(done.attempts).toHaveLength(1);
    expect(done.attempts[0]).toMatchObject({ outcome: 'delivered', note: 'expected "ok" from Slack, got: proxied: accepted' });
  });

  it('an attempt without a note shows note: null', async () => {
    await subscribe({
      name: 'plain hook',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['plain.*'],
      config: { service_url: `${receiver.url}/plain` },
    });
    const delivery = await deliveryOf('plain.sent');
    const done = await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    expect(done.attempts[0].note).toBeNull();
  });

  it('a destination that is gone disables the subscription with the reason, tells the admins, and later events are skipped', async () => {
    await subscribe({
      name: 'notices',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['nothing.else'],
      failure_notice: true,
      config: { service_url: `${receiver.url}/notices` },
    });
    const subscription = await subscribe({
      name: 'deleted hook',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['gone.*'],
      config: { service_url: `${receiver.url}/gone` },
      retry_policy: { max_attempts: 5, initial_delay_ms: 100 },
    });
    const first = await deliveryOf('gone.first');
    const failed = await herald.waitForDelivery(project.admin, first.id, 'failed');
    expect(failed.attempts).toHaveLength(1);

    const health = await eventually(async () => {
      const current = (await herald.request('GET', `/v1/subscriptions/${subscription.id}`, project.admin)).body;
      return current.enabled === false && current;
    });
    expect(health.health.disabled_reason).toBe('the destination is gone: The endpoint answered HTTP 410: this hook was deleted');
    expect(health.health.disabled_at).not.toBeNull();

    const notice = await eventually(() =>
      receiver.requests.map((request) => JSON.parse(request.body)).find((body) => body.type === 'herald.subscription.disabled'),
    );
    expect(notice).toMatchObject({
      source: 'herald',
      data: { subscription_id: subscription.id, reason: health.health.disabled_reason, last_error: expect.stringContaining('HTTP 410') },
    });

    const second = await deliveryOf('gone.second');
    expect(second.status).toBe('skipped');
    expect(receiver.requests.filter((request) => request.url === '/gone')).toHaveLength(1);
  });
});
