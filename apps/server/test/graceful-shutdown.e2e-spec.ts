import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { createScratchEnvironment, ROOT_KEY, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { processApi, randomPort, startServerProcess } from './support/server-process.js';

describe('a worker told to stop (SIGTERM)', () => {
  const receiver = new FakeWebhookReceiver();
  let environment: ScratchEnvironment;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    await receiver.start();
    environment = await createScratchEnvironment();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await receiver.stop();
    await environment.dispose();
  });

  it('finishes the delivery in flight before it exits', async () => {
    const port = randomPort();
    child = await startServerProcess(environment.env, port);
    const api = processApi(port);
    const project = await api('POST', '/v1/projects', ROOT_KEY, { key: 'shutdown', name: 'Shutdown' });
    const [admin, publisher] = project.api_keys.map((entry: { key: string }) => entry.key);
    await api('POST', '/v1/subscriptions', admin, {
      name: 'slow',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: `${receiver.url}/slow` },
    });
    receiver.handler = () => ({ status: 200, body: 'ok', delayMs: 1_500 });
    await api('POST', '/v1/events', publisher, { type: 'order.paid' });
    await receiver.waitForRequests(1);

    const exited = new Promise<string>((resolve) => child!.once('exit', (code, signal) => resolve(String(code ?? signal))));
    child.kill('SIGTERM');
    // Nest closes the application, then ends the process with the signal it received.
    expect(['0', 'SIGTERM']).toContain(await exited);
    child = undefined;

    const database = new pg.Client({ connectionString: environment.databaseUrl });
    await database.connect();
    const rows = (await database.query('SELECT status, attempt_count FROM deliveries')).rows;
    await database.end();
    expect(rows).toEqual([{ status: 'succeeded', attempt_count: 1 }]);
    expect(receiver.requests).toHaveLength(1);
  });
});
