import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { processApi, randomPort, startServerProcess } from './support/server-process.js';
import { TestApp } from './support/test-app.js';
import { createScratchEnvironment, ROOT_KEY, type ScratchEnvironment } from '../src/tools/scratch-environment.js';

describe('a worker killed mid-delivery', () => {
  const receiver = new FakeWebhookReceiver();
  let environment: ScratchEnvironment;
  let child: ChildProcess | undefined;
  let herald: TestApp | undefined;

  beforeAll(async () => {
    await receiver.start();
    environment = await createScratchEnvironment();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await herald?.stop(false);
    await receiver.stop();
    await environment.dispose();
  });

  it('leaves a delivery that is delivered after restart', async () => {
    const port = randomPort();
    child = await startServerProcess(environment.env, port);
    const api = processApi(port);

    const project = await api('POST', '/v1/projects', ROOT_KEY, { key: 'crash', name: 'Crash' });
    const [admin, publisher] = project.api_keys.map((entry: { key: string }) => entry.key);
    await api('POST', '/v1/subscriptions', admin, {
      name: 'slow receiver',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: `${receiver.url}/slow` },
      retry_policy: { timeout_ms: 30_000 },
    });
    receiver.handler = () => ({ status: 200, body: 'ok', delayMs: 60_000 });
    const event = await api('POST', '/v1/events', publisher, { type: 'order.paid', data: { order: 7 } });
    await receiver.waitForRequests(1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = undefined;

    receiver.handler = () => ({ status: 200, body: 'ok' });
    herald = await TestApp.start({}, environment);
    const [delivery] = await herald.deliveriesOfEvent(admin, event.id);
    const done = await herald.waitForDelivery(admin, delivery.id, 'succeeded', 60_000);
    expect(done.attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['delivered']);
    const copies = receiver.requests.filter((request) => request.headers['webhook-id'] === delivery.id);
    expect(copies.length).toBeGreaterThanOrEqual(2);
  });
});
