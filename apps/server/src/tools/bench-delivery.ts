import 'reflect-metadata';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../config/herald-config.js';
import { createHeraldApp } from '../herald-app.js';
import { createScratchEnvironment, ROOT_KEY } from './scratch-environment.js';

/**
 * Throughput of one process on this machine, against a local receiver (its own process) that
 * answers 200 at once. Prints publish rates (one event a request vs batches of 500, side by side)
 * and the delivery rate of one worker process draining a backlog, the API process closed by then.
 * `pnpm bench` (EVENTS=5000 by default).
 */
const EVENTS = Number(process.env.EVENTS ?? 5000);
const PUBLISH_CONCURRENCY = 32;

const RECEIVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`;
const receiver = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'pipe', 'inherit'] });
const receiverPort = await new Promise<string>((resolve) =>
  receiver.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
);
const receiverUrl = `http://127.0.0.1:${receiverPort}/hook`;
const environment = await createScratchEnvironment({ HERALD_CHANNELS: '@herald/channel-http', HERALD_ROOT_KEY: ROOT_KEY });

const quiet = false as const;
const api = await createHeraldApp(loadConfig({ ...environment.env, HERALD_ROLE: 'api' }), quiet);
await api.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
const call = (path: string, key: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((response) => response.json() as Promise<any>);

const project = await call('/v1/projects', ROOT_KEY, { key: 'bench', name: 'Bench' });
const [admin, publisher] = project.api_keys.map((entry: { key: string }) => entry.key);
await call('/v1/subscriptions', admin, {
  name: 'bench',
  channel: 'http',
  action: 'webhook_http_post',
  event_types: ['*'],
  config: { service_url: receiverUrl },
});

const event = (index: number) => ({ type: 'bench.event', data: { index, text: 'a realistic little payload', tags: ['a', 'b'] } });

async function publishOneByOne(count: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: PUBLISH_CONCURRENCY }, async () => {
      while (next < count) await call('/v1/events', publisher, event(next++));
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function publishInBatches(count: number): Promise<number> {
  const started = performance.now();
  for (let offset = 0; offset < count; offset += 500) {
    await call('/v1/events/batch', publisher, {
      events: Array.from({ length: Math.min(500, count - offset) }, (_, index) => event(offset + index)),
    });
  }
  return count / ((performance.now() - started) / 1000);
}

const half = Math.floor(EVENTS / 2);
const singleRate = await publishOneByOne(half);
const batchRate = await publishInBatches(EVENTS - half);

const database = new pg.Client({ connectionString: environment.databaseUrl });
await database.connect();
const succeeded = async () =>
  (await database.query("SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'")).rows[0].n as number;

await api.close();
const drainStarted = performance.now();
const worker = await createHeraldApp(loadConfig({ ...environment.env, HERALD_ROLE: 'worker' }), quiet);
await worker.init();
while ((await succeeded()) < EVENTS) await new Promise((resolve) => setTimeout(resolve, 100));
const deliveryRate = EVENTS / ((performance.now() - drainStarted) / 1000);

console.log(`events published one a request (${PUBLISH_CONCURRENCY} in parallel): ${singleRate.toFixed(0)} events/s`);
console.log(
  `events published in batches of 500:                       ${batchRate.toFixed(0)} events/s (${(batchRate / singleRate).toFixed(1)}× one a request)`,
);
console.log(`deliveries by one worker process (backlog of ${EVENTS}):           ${deliveryRate.toFixed(0)} deliveries/s`);

await database.end();
await worker.close();
receiver.kill();
await environment.dispose();
process.exit(0);
