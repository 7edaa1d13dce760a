import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { createScratchEnvironment, ROOT_KEY, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { eventually, staysTrue } from './support/eventually.js';
import { processApi, randomPort, startServerProcess } from './support/server-process.js';

/** HERALD_ROLE splits the service: `api` processes serve the routes, `worker` processes work the queue. */
describe('HERALD_ROLE as separate processes', () => {
  const receiver = new FakeWebhookReceiver();
  const children: ChildProcess[] = [];
  let environment: ScratchEnvironment;

  beforeAll(async () => {
    await receiver.start();
    environment = await createScratchEnvironment();
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await receiver.stop();
    await environment.dispose();
  });

  async function start(role: string): Promise<number> {
    const port = randomPort();
    children.push(await startServerProcess({ ...environment.env, HERALD_ROLE: role }, port));
    return port;
  }

  it('a worker answers /health and /metrics, and 404 for every /v1 route', async () => {
    const port = await start('worker');
    const at = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${port}${path}`, init);
    expect((await at('/health')).status).toBe(200);
    expect((await at('/metrics')).status).toBe(200);
    const withRoot = { authorization: `Bearer ${ROOT_KEY}`, 'content-type': 'application/json' };
    const create = await at('/v1/projects', { method: 'POST', headers: withRoot, body: JSON.stringify({ key: 'w', name: 'W' }) });
    expect(create.status).toBe(404);
    expect((await at('/v1/channels', { headers: withRoot })).status).toBe(404);
    expect((await at('/v1/events/evt_x', { headers: withRoot })).status).toBe(404);
    expect((await at('/v1/subscriptions', { headers: withRoot })).status).toBe(404);
    expect((await at('/v1/deliveries', { headers: withRoot })).status).toBe(404);
    for (const path of ['/v1/api-keys', '/v1/catalogs', '/v1/event-types', '/v1/ingest-tokens']) {
      expect([path, (await at(path, { headers: withRoot })).status]).toEqual([path, 404]);
    }
    expect((await at('/openapi.json')).status).toBe(404);
    expect((await at('/docs')).status).toBe(404);
  });

  it('an api process takes events but does not deliver them; a worker process then does', async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    const apiPort = await start('api');
    const api = processApi(apiPort);
    const project = await api('POST', '/v1/projects', ROOT_KEY, { key: 'roles', name: 'Roles' });
    const [admin, publisher] = project.api_keys.map((entry: { key: string }) => entry.key);
    const subscription = await api('POST', '/v1/subscriptions', admin, {
      name: 'receiver',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: `${receiver.url}/roles` },
    });
    expect(subscription.id).toMatch(/^sub_/);
    const event = await api('POST', '/v1/events', publisher, { type: 'order.paid', data: { order: 1 } });
    expect(event.deliveries).toBe(1);
    const [delivery] = (await api('GET', `/v1/events/${event.id}`, admin)).deliveries;

    await staysTrue(() => receiver.requests.length === 0, { forMs: 2_000, what: 'no delivery from the api process' });
    expect((await api('GET', `/v1/deliveries/${delivery.id}`, admin)).status).toBe('pending');

    await start('worker');
    const done = await eventually(
      async () => {
        const current = await api('GET', `/v1/deliveries/${delivery.id}`, admin);
        return current.status === 'succeeded' && current;
      },
      { what: 'the worker delivered' },
    );
    expect(done.attempts).toHaveLength(1);
    expect(receiver.requests.filter((request) => request.url === '/roles')).toHaveLength(1);
  });
});
