import 'reflect-metadata';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { chaosApi, drainDeliveries, log, setUpChaosProject, sleep, waitForHealth } from './chaos-setup.js';
import { createScratchEnvironment } from './scratch-environment.js';

// CHAOS_WORKERS=n: the multi-replica run instead (one api process, n workers killed in turn); it exits when done.
if (process.env.CHAOS_WORKERS) await import('./chaos-replicas.js');

/**
 * Publishes a steady stream of events to a local receiver while it kills the service with SIGKILL
 * mid-delivery, wipes the installation's Redis data, restarts PostgreSQL and takes the receiver
 * down for a while. Then waits for the backlog to drain and prints published, delivered, lost (must
 * be 0), duplicated and the time to drain. Exits 1 when anything was lost or stuck.
 * `pnpm chaos` (CHAOS_SECONDS=40 by default; CHAOS_RESTART_POSTGRES=false to leave PostgreSQL be;
 * CHAOS_POSTGRES_CLUSTER="15 chaos" with HERALD_SCRATCH_DATABASE_URL to restart a cluster of its own;
 * CHAOS_WORKERS=2 for the multi-replica run of chaos-replicas.ts).
 */
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 40);
const RESTART_POSTGRES = process.env.CHAOS_RESTART_POSTGRES !== 'false';
/** Which cluster to restart (`<version> <name>`, as pg_ctlcluster takes it): the first version's `main` unless told. */
const POSTGRES_CLUSTER = process.env.CHAOS_POSTGRES_CLUSTER ?? '$(ls /etc/postgresql | head -n 1) main';
const PORT = 23_000 + Math.floor(Math.random() * 10_000);
const RECEIVER_PORT = PORT + 1;
const entry = fileURLToPath(new URL('../main.js', import.meta.url));

// Short pauses: the receiver outage would otherwise pause the subscription for a minute (endpoint
// health), which is the policy working, not a delay this run measures.
const environment = await createScratchEnvironment({
  HERALD_CHANNELS: '@herald/channel-http',
  HERALD_SWEEP_INTERVAL_MS: '1000',
  HERALD_PAUSE_BASE_MS: '1000',
  HERALD_PAUSE_MAX_MS: '2000',
});
const receiver = new FakeWebhookReceiver();
await receiver.start(RECEIVER_PORT);
let server = await startServer();

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...environment.env, PORT: String(PORT) }, stdio: 'ignore' });
  return waitForHealth(child, PORT, 'the service did not start');
}

const api = chaosApi(PORT);
const publisher = await setUpChaosProject(api, receiver);

// The publisher: an event every 25 ms; a publish that got no 202 is repeated with the same id.
const published = new Set<string>();
let publishing = true;
const publisherLoop = (async () => {
  for (let n = 0; publishing; n += 1) {
    const id = `chaos-${n}`;
    while (publishing) {
      const answer = await api('/v1/events', publisher, { id, type: 'chaos.tick', data: { n } }).catch(() => undefined);
      if (answer?.status === 202) {
        published.add(answer.body.id);
        break;
      }
      await sleep(100);
    }
    await sleep(25);
  }
})();

const unit = SECONDS / 40;
await sleep(4_000 * unit);
log('SIGKILL the service mid-delivery');
server.kill('SIGKILL');
await sleep(1_000);
server = await startServer();
log('service restarted');

await sleep(6_000 * unit);
log("Redis loses the installation's data");
const redis = new Redis(environment.env.REDIS_URL!);
for (let cursor = '0'; ; ) {
  const [next, keys] = await redis.scan(cursor, 'MATCH', `${environment.redisPrefix}:*`, 'COUNT', 1000);
  if (keys.length > 0) await redis.del(...keys);
  cursor = next;
  if (cursor === '0') break;
}
redis.disconnect();

if (RESTART_POSTGRES) {
  await sleep(6_000 * unit);
  log('restart PostgreSQL');
  execSync(`pg_ctlcluster --skip-systemctl-redirect ${POSTGRES_CLUSTER} restart`, { stdio: 'ignore' });
}

await sleep(6_000 * unit);
log('receiver down');
await receiver.stop();
await sleep(5_000 * unit);
await receiver.start(RECEIVER_PORT);
log('receiver back');
const recovered = Date.now();

await sleep(8_000 * unit);
publishing = false;
await publisherLoop;
log(`publishing stopped after ${published.size} events; draining`);

const { unfinished, failed } = await drainDeliveries(environment.databaseUrl, receiver, published, { timeoutMs: 120_000, pollMs: 500 });
const drainSeconds = (Date.now() - recovered) / 1000;

const copies = new Map<string, number>();
for (const request of receiver.requests) {
  if (request.method !== 'POST') continue;
  const id = JSON.parse(request.body).id as string;
  copies.set(id, (copies.get(id) ?? 0) + 1);
}
const lost = [...published].filter((id) => !copies.has(id)).length;
const duplicated = [...copies.values()].filter((count) => count > 1).length;
console.log(`published: ${published.size}`);
console.log(`delivered: ${[...published].filter((id) => copies.has(id)).length}`);
console.log(`lost: ${lost}`);
console.log(`duplicated: ${duplicated} events received more than once (receivers drop them by webhook-id)`);
console.log(`failed deliveries: ${failed}, unfinished: ${unfinished}`);
console.log(`time to drain after the last recovery: ${drainSeconds.toFixed(1)} s`);

server.kill('SIGTERM');
await receiver.stop();
await environment.dispose();
process.exit(lost === 0 && unfinished === 0 && failed === 0 ? 0 : 1);
