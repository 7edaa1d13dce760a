import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { chaosApi, drainDeliveries, log, setUpChaosProject, sleep, waitForHealth } from './chaos-setup.js';
import { createScratchEnvironment } from './scratch-environment.js';

/**
 * The multi-replica chaos run: one api process and CHAOS_WORKERS worker processes (2 by default)
 * while batches of events stream in; every CHAOS_KILL_EVERY_S seconds (10) the next worker is
 * SIGKILLed mid-batch and started again a second later. Prints published, delivered, lost (must be
 * 0), duplicated, how long the slowest event waited from its 202 to its first arrival, and the time
 * to drain after the last restart. `CHAOS_WORKERS=2 pnpm chaos` (CHAOS_SECONDS=60).
 */
const WORKERS = Math.max(2, Number(process.env.CHAOS_WORKERS ?? 2));
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 60);
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_EVERY_S ?? 10) * 1000;
const BATCH = 20;
const BATCH_EVERY_MS = 100;
const PORT = 23_000 + Math.floor(Math.random() * 10_000);
const entry = fileURLToPath(new URL('../main.js', import.meta.url));

const environment = await createScratchEnvironment({
  HERALD_CHANNELS: '@herald/channel-http',
  HERALD_SWEEP_INTERVAL_MS: '1000',
  HERALD_API_RATE_LIMIT: '1000000',
});
const receiver = new FakeWebhookReceiver();
await receiver.start(PORT + 1);

async function start(role: 'api' | 'worker', port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...environment.env, HERALD_ROLE: role, PORT: String(port) },
    stdio: ['ignore', 'ignore', process.env.CHAOS_VERBOSE ? 'inherit' : 'ignore'],
  });
  return waitForHealth(child, port, `the ${role} process did not start`);
}

const apiProcess = await start('api', PORT);
const workerPort = (index: number) => PORT + 2 + index;
const workers = await Promise.all(Array.from({ length: WORKERS }, (_, index) => start('worker', workerPort(index))));

const api = chaosApi(PORT);
const publisher = await setUpChaosProject(api, receiver);

// The publisher: a batch every 100 ms; a batch that got no 202 is repeated with the same ids.
const publishedAt = new Map<string, number>();
let publishing = true;
const publisherLoop = (async () => {
  for (let batch = 0; publishing; batch += 1) {
    const events = Array.from({ length: BATCH }, (_, index) => ({
      id: `chaos-${batch}-${index}`,
      type: 'chaos.tick',
      data: { batch, index },
    }));
    while (publishing) {
      const answer = await api('/v1/events/batch', publisher, { events }).catch(() => undefined);
      if (answer?.status === 202) {
        const at = Date.now();
        for (const result of answer.body.results) if (!publishedAt.has(result.id)) publishedAt.set(result.id, at);
        break;
      }
      await sleep(100);
    }
    await sleep(BATCH_EVERY_MS);
  }
})();

const started = Date.now();
let lastRestart = started;
for (let kill = 0; Date.now() - started + KILL_EVERY_MS <= SECONDS * 1000; kill += 1) {
  await sleep(KILL_EVERY_MS);
  const index = kill % WORKERS;
  log(`SIGKILL worker ${index + 1} of ${WORKERS}`);
  const exited = new Promise((resolve) => workers[index]!.once('exit', resolve));
  workers[index]!.kill('SIGKILL');
  await exited;
  await sleep(1_000);
  workers[index] = await start('worker', workerPort(index));
  lastRestart = Date.now();
  log(`worker ${index + 1} restarted`);
}
await sleep(Math.max(0, started + SECONDS * 1000 - Date.now()));
publishing = false;
await publisherLoop;
log(`publishing stopped after ${publishedAt.size} events; draining`);

const { unfinished, failed } = await drainDeliveries(environment.databaseUrl, receiver, publishedAt.keys(), {
  timeoutMs: 180_000,
  pollMs: 250,
});
const drainSeconds = (Date.now() - lastRestart) / 1000;

const firstArrival = new Map<string, number>();
const copies = new Map<string, number>();
for (const request of receiver.requests) {
  if (request.method !== 'POST') continue;
  const id = JSON.parse(request.body).id as string;
  copies.set(id, (copies.get(id) ?? 0) + 1);
  if (!firstArrival.has(id)) firstArrival.set(id, request.receivedAt);
}
const waits = [...publishedAt].filter(([id]) => firstArrival.has(id)).map(([id, at]) => (firstArrival.get(id)! - at) / 1000);
waits.sort((a, b) => a - b);
const lost = [...publishedAt.keys()].filter((id) => !copies.has(id)).length;
const duplicated = [...copies.values()].filter((count) => count > 1).length;
console.log(`workers: ${WORKERS}, killed every ${KILL_EVERY_MS / 1000} s`);
console.log(`published: ${publishedAt.size}`);
console.log(`delivered: ${publishedAt.size - lost}`);
console.log(`lost: ${lost}`);
console.log(`duplicated: ${duplicated} events received more than once (receivers drop them by webhook-id)`);
console.log(`failed deliveries: ${failed}, unfinished: ${unfinished}`);
console.log(
  `202 → first arrival: p50 ${waits[Math.floor(waits.length / 2)]?.toFixed(2)} s, p99 ${waits[Math.floor(waits.length * 0.99)]?.toFixed(2)} s, slowest ${waits.at(-1)?.toFixed(1)} s`,
);
console.log(`time to drain after the last restart: ${drainSeconds.toFixed(1)} s`);

for (const child of [apiProcess, ...workers]) child.kill('SIGTERM');
await receiver.stop();
await environment.dispose();
process.exit(lost === 0 && unfinished === 0 && failed === 0 ? 0 : 1);
