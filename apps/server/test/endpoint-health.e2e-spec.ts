import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { eventually, staysTrue } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

describe('endpoint health', () => {
  const receiver = new FakeWebhookReceiver();
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;
  let failing = true;

  beforeAll(async () => {
    receiver.handler = (request) => (request.url === '/down' && failing ? { status: 500, body: 'down' } : { status: 200, body: 'ok' });
    await receiver.start();
    herald = await TestApp.start({ HERALD_PAUSE_AFTER_FAILURES: '3', HERALD_PAUSE_BASE_MS: '1500', HERALD_DISABLE_AFTER_MS: '6000' });
    project = await herald.createProject('health');
    await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: '失败通知',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['nothing.else'],
      failure_notice: true,
      config: { service_url: `${receiver.url}/notices` },
    });
  });
  afterAll(async () => {
    await herald?.stop();
    await receiver.stop();
  });

  const notices = (type: string) =>
    receiver.requests.filter((request) => request.url === '/notices' && JSON.parse(request.body).type === type);
  const downRequests = () => receiver.requests.filter((request) => request.url === '/down').length;

  it('pauses after a run of failures, holds what is published meanwhile, tells the admins, and delivers everything once the endpoint is back', async () => {
    const subscription = (
      await herald.request('POST', '/v1/subscriptions', project.admin, {
        name: 'flaky endpoint',
        channel: 'http',
        action: 'webhook_http_post',
        event_types: ['order.*'],
        config: { service_url: `${receiver.url}/down` },
        retry_policy: { initial_delay_ms: 100, max_delay_ms: 200, max_attempts: 50 },
      })
    ).body;
    const first = (await herald.request('POST', '/v1/events', project.publisher, { type: 'order.created', data: { n: 1 } })).body;
    const [notice] = await eventually(async () =>
      notices('herald.subscription.paused').length > 0 ? notices('herald.subscription.paused') : undefined,
    );
    expect(JSON.parse(notice!.body)).toMatchObject({
      source: 'herald',
      data: { subscription_id: subscription.id, reason: expect.stringContaining('3 attempts in a row failed') },
    });
    const paused = (await herald.request('GET', `/v1/subscriptions/${subscription.id}`, project.admin)).body;
    expect(paused.health.paused_until).not.toBeNull();

    const second = (await herald.request('POST', '/v1/events', project.publisher, { type: 'order.created', data: { n: 2 } })).body;
    const duringPause = downRequests();
    await staysTrue(() => downRequests() === duringPause, { forMs: 700, what: 'no request to the paused endpoint' });

    failing = false;
    for (const event of [first, second]) {
      const [delivery] = await herald.deliveriesOfEvent(project.admin, event.id);
      await herald.waitForDelivery(project.admin, delivery.id, 'succeeded', 30_000);
    }
    const healed = (await herald.request('GET', `/v1/subscriptions/${subscription.id}`, project.admin)).body;
    expect(healed.health).toMatchObject({ consecutive_failures: 0, paused_until: null, disabled_reason: null });
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });

  it('disables a subscription that keeps failing, records the events it skips, and re-enabling resets it', async () => {
    failing = true;
    const subscription = (
      await herald.request('POST', '/v1/subscriptions', project.admin, {
        name: 'dead endpoint',
        channel: 'http',
        action: 'webhook_http_post',
        event_types: ['invoice.*'],
        config: { service_url: `${receiver.url}/down` },
        retry_policy: { initial_delay_ms: 100, max_delay_ms: 200, max_attempts: 50 },
      })
    ).body;
    await herald.request('POST', '/v1/events', project.publisher, { type: 'invoice.created' });
    const [notice] = await eventually(
      async () => (notices('herald.subscription.disabled').length > 0 ? notices('herald.subscription.disabled') : undefined),
      { timeout: 30_000 },
    );
    expect(JSON.parse(notice!.body).data.reason).toContain('every attempt failed for');
    const disabled = (await herald.request('GET', `/v1/subscriptions/${subscription.id}`, project.admin)).body;
    expect(disabled).toMatchObject({ enabled: false, health: { disabled_reason: expect.stringContaining('with no success') } });

    const skipped = await herald.request('POST', '/v1/events', project.publisher, { type: 'invoice.paid' });
    expect(skipped.body.deliveries).toBe(0);
    const [record] = await herald.deliveriesOfEvent(project.admin, skipped.body.id);
    expect(record).toMatchObject({ status: 'skipped', last_error: expect.stringContaining('Herald disabled the subscription') });

    const reenabled = await herald.request('PATCH', `/v1/subscriptions/${subscription.id}`, project.admin, { enabled: true });
    expect(reenabled.body).toMatchObject({ enabled: true, health: { consecutive_failures: 0, disabled_reason: null, paused_until: null } });
    await herald.request('DELETE', `/v1/subscriptions/${subscription.id}`, project.admin);
  });
});
