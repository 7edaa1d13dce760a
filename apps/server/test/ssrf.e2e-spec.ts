import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { TestApp } from './support/test-app.js';

/** With the default policy, nothing goes to private addresses, whatever a subscription says. */
describe('deliveries to private networks (SSRF)', () => {
  const receiver = new FakeWebhookReceiver();
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    await receiver.start();
    herald = await TestApp.start({ HERALD_ALLOW_PRIVATE_NETWORKS: 'false', HERALD_ALLOWED_HOSTS: '' });
    project = await herald.createProject('ssrf');
  });
  afterAll(async () => {
    await herald?.stop();
    await receiver.stop();
  });

  it.each([
    ['a loopback address', (port: string) => `http://127.0.0.1:${port}/hook`, 'loopback'],
    ['a name that resolves to loopback', (port: string) => `http://localhost:${port}/hook`, 'loopback'],
    ['IPv4 inside IPv6', (port: string) => `http://[::ffff:127.0.0.1]:${port}/hook`, 'loopback'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', 'linkLocal'],
  ])('refuses %s for good, with the reason, and sends nothing', async (_label, url, range) => {
    const port = new URL(receiver.url).port;
    const subscription = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'inside',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: url(port) },
    });
    const published = await herald.request('POST', '/v1/events', project.publisher, { type: 'probe' });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    const failed = await herald.waitForDelivery(project.admin, delivery.id, 'failed');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.last_error).toMatch(new RegExp(`^refused: .*${range} address; deliveries to private networks are refused`));
    const test = await herald.request('POST', `/v1/subscriptions/${subscription.body.id}/test`, project.admin);
    expect(test.body).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('refused') });
    expect(receiver.requests).toHaveLength(0);
    await herald.request('DELETE', `/v1/subscriptions/${subscription.body.id}`, project.admin);
  });

  it('sends security headers on API answers', async () => {
    const response = await fetch(`${herald.baseUrl}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
