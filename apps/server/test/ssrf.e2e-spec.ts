import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import pg from 'pg';
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

  const subscriptionTo = (serviceUrl: string) => ({
    name: 'inside',
    channel: 'http',
    action: 'webhook_http_post',
    event_types: ['*'],
    config: { service_url: serviceUrl },
  });

  it.each([
    ['a loopback address', 'http://127.0.0.1:8080/hook', '127.0.0.1 is a loopback address'],
    ['localhost', 'http://localhost:8080/hook', 'localhost is a loopback name'],
    ['IPv6 loopback', 'http://[::1]/hook', '::1 is a loopback address'],
    ['IPv4 inside IPv6', 'http://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1 is a loopback address'],
    ['loopback written as a number', 'http://2130706433/hook', '127.0.0.1 is a loopback address'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a linkLocal address'],
    ['a private address', 'https://10.0.0.8/hook', '10.0.0.8 is a private address'],
  ])('refuses to save a subscription to %s, naming the field', async (_label, url, reason) => {
    const created = await herald.request('POST', '/v1/subscriptions', project.admin, subscriptionTo(url));
    expect(created.status).toBe(400);
    expect(created.body.message).toContain(`config.service_url can never be delivered to: ${reason}`);
    expect(created.body.message).toContain('deliveries to private networks are refused');
    const allowed = await herald.request('POST', '/v1/subscriptions', project.admin, subscriptionTo('https://hooks.example.invalid/x'));
    expect(allowed.status).toBe(201);
    const patched = await herald.request('PATCH', `/v1/subscriptions/${allowed.body.id}`, project.admin, { config: { service_url: url } });
    expect(patched.status).toBe(400);
    expect(patched.body.message).toContain(`config.service_url can never be delivered to: ${reason}`);
    expect((await herald.request('GET', `/v1/subscriptions/${allowed.body.id}`, project.admin)).body.config.service_url).toBe(
      'https://hooks.example.invalid/x',
    );
    await herald.request('DELETE', `/v1/subscriptions/${allowed.body.id}`, project.admin);
  });

  /** A row saved before the rule, or a name that resolves to a private address: the send-time guard still refuses. */
  async function pointStoredSubscriptionAt(id: string, url: string): Promise<void> {
    const client = new pg.Client({ connectionString: herald.environment.databaseUrl });
    await client.connect();
    try {
      await client.query(`UPDATE subscriptions SET config = jsonb_set(config, '{service_url}', to_jsonb($2::text)) WHERE id = $1`, [
        id,
        url,
      ]);
    } finally {
      await client.end();
    }
  }

  it.each([
    ['a loopback address', (port: string) => `http://127.0.0.1:${port}/hook`, 'loopback'],
    ['a name that resolves to loopback', (port: string) => `http://localhost:${port}/hook`, 'loopback'],
    ['IPv4 inside IPv6', (port: string) => `http://[::ffff:127.0.0.1]:${port}/hook`, 'loopback'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', 'linkLocal'],
  ])('refuses %s at send time too, for good, with the reason, and sends nothing', async (_label, url, range) => {
    const port = new URL(receiver.url).port;
    const subscription = await herald.request(
      'POST',
      '/v1/subscriptions',
      project.admin,
      subscriptionTo('https://hooks.example.invalid/x'),
    );
    expect(subscription.status).toBe(201);
    await pointStoredSubscriptionAt(subscription.body.id, url(port));
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
