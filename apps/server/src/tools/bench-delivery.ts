import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { Pool } from 'undici';
import { burst, closedLoop, idleCpu, receiverCapacity, sequentialLatency, steady } from './bench/bench-measures.js';
import {
  ALERTMANAGER_BIN,
  BenchReceiver,
  now,
  processUsage,
  sleep,
  startAlertmanager,
  startHerald,
  stopHerald,
} from './bench/bench-processes.js';
import { createScratchEnvironment, ROOT_KEY } from './scratch-environment.js';

/**
 * Every figure of the delivery benchmark in one run, Herald beside Prometheus Alertmanager on the
 * same receiver (a process of its own that answers 200 at once), plus the receiver's raw capacity.
 * Herald runs as one process in the `all` role on a scratch database and Redis prefix.
 * `pnpm bench`; BENCH_BURSTS (5000,20000), BENCH_SUBSCRIPTIONS (100000), BENCH_STEADY_SECONDS (10),
 * BENCH_JSON (bench-results.json), BENCH_CPU_PROFILE_DIR (write a V8 CPU profile of Herald there).
 */
const BURSTS = (process.env.BENCH_BURSTS ?? '5000,20000').split(',').map(Number);
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 10);
const JSON_PATH = process.env.BENCH_JSON ?? 'bench-results.json';
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;
const CLIENTS = 32;
const PORT = 24_000 + Math.floor(Math.random() * 10_000);
const payload = { text: 'a realistic little payload', tags: ['a', 'b'] };

const results: Record<string, any> = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadavg()[0],
  },
};
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function post(pool: Pool, path: string, body: unknown, key?: string): Promise<{ status: number; json: any }> {
  const answer = await pool.request({
    path,
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  });
  const text = await answer.body.text();
  if (answer.statusCode >= 300) throw new Error(`${path} answered ${answer.statusCode}: ${text.slice(0, 300)}`);
  return { status: answer.statusCode, json: text ? JSON.parse(text) : undefined };
}

const receiver = await BenchReceiver.start();
log('receiver raw capacity');
results.receiver = { requestsPerSecond: await receiverCapacity(receiver, 20_000) };

// Alertmanager: each alert its own group, so each is one notification.
const alertmanager = await startAlertmanager(receiver.url, PORT + 1);
if (alertmanager) {
  log('Alertmanager');
  const pool = new Pool(`http://127.0.0.1:${PORT + 1}`, { connections: 64 });
  const alert = (run: string, seq: number) => ({
    labels: { alertname: 'BenchAlert', run, seq: String(seq) },
    annotations: { text: payload.text, tags: payload.tags.join(',') },
  });
  const pid = alertmanager.child.pid!;
  const figures: Record<string, any> = { bursts: [] };
  for (const total of BURSTS) {
    const run = `burst-${total}`;
    figures.bursts.push(
      await burst(receiver, pid, total, (from, count) =>
        post(
          pool,
          '/api/v2/alerts',
          Array.from({ length: count }, (_, index) => alert(run, from + index)),
        ).then(() => undefined),
      ),
    );
  }
  figures.peakRssMb = processUsage(pid).peakRssMb;
  figures.idleCpuShare = await idleCpu(pid, 5);
  figures.steady = await steady(receiver, 200, STEADY_SECONDS, (seq) => post(pool, '/api/v2/alerts', [alert('steady', seq)]));
  results.alertmanager = { version: '0.25 (Debian package)', ...figures };
  await pool.close();
  alertmanager.stop();
} else {
  log(`Alertmanager is not installed at ${ALERTMANAGER_BIN}: apt-get install prometheus-alertmanager (or set ALERTMANAGER_BIN)`);
}

log('Herald');
const environment = await createScratchEnvironment({
  HERALD_CHANNELS: '@herald/channel-http',
  HERALD_API_RATE_LIMIT: '10000000',
  HERALD_SWEEP_INTERVAL_MS: '10000',
  HERALD_LEASE_MARGIN_MS: '10000',
});
const herald = await startHerald({ ...environment.env, HERALD_ROLE: 'all' }, PORT, PROFILE_DIR);
const pid = herald.pid!;
const api = new Pool(`http://127.0.0.1:${PORT}`, { connections: 64 });
const database = new pg.Client({ connectionString: environment.databaseUrl });
await database.connect();

async function createProject(key: string) {
  const project = (await post(api, '/v1/projects', { key, name: key }, ROOT_KEY)).json;
  const [admin, publisher] = project.api_keys.map((entry: { key: string }) => entry.key as string);
  return { id: project.id as string, admin, publisher };
}
async function subscribe(admin: string, eventTypes: string[]): Promise<string> {
  const body = {
    name: 'bench',
    channel: 'http',
    action: 'webhook_http_post',
    event_types: eventTypes,
    config: { service_url: `${receiver.url}/hook` },
  };
  return (await post(api, '/v1/subscriptions', body, admin)).json.id;
}
/** `count` copies of a subscription, straight into the table, their event types `${prefix}${index / perType}`. */
async function cloneSubscription(templateId: string, count: number, prefix: string, perType: number): Promise<void> {
  const { rows } = await database.query(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'subscriptions' AND table_schema = current_schema() ORDER BY ordinal_position",
  );
  const columns = rows.map((row) => pg.escapeIdentifier(row.column_name));
  const values = rows.map(({ column_name: column }) =>
    column === 'id' ? `$2 || g` : column === 'event_types' ? `ARRAY[$3 || ((g - 1) / $4)::text]` : pg.escapeIdentifier(column),
  );
  await database.query(
    `INSERT INTO subscriptions (${columns.join(', ')}) SELECT ${values.join(', ')} FROM subscriptions, generate_series(1, $5::int) AS g WHERE id = $1`,
    [templateId, `${templateId}_${prefix}`, prefix, perType, count],
  );
}
const event = (type: string, seq: number) => ({ type, data: { seq, ...payload } });

const figures: Record<string, any> = { bursts: [] };
const burstProject = await createProject('burst');
await subscribe(burstProject.admin, ['*']);
for (const total of BURSTS) {
  log(`Herald burst of ${total}`);
  figures.bursts.push(
    await burst(receiver, pid, total, (from, count) =>
      post(
        api,
        '/v1/events/batch',
        { events: Array.from({ length: count }, (_, index) => event('bench.burst', from + index)) },
        burstProject.publisher,
      ).then(() => undefined),
    ),
  );
}
figures.peakRssMb = processUsage(pid).peakRssMb;
figures.idleCpuShare = await idleCpu(pid, 5);

log('Herald steady stream');
figures.steady = await steady(receiver, 200, STEADY_SECONDS, (seq) =>
  post(api, '/v1/events', event('bench.steady', seq), burstProject.publisher),
);

log(`Herald single publishes, ${CLIENTS} clients`);
await receiver.reset();
const single = await closedLoop(CLIENTS, 5, (seq) => post(api, '/v1/events', event('bench.single', seq), burstProject.publisher));
await receiver.waitFor(single.count);
figures.singlePublish = { clients: CLIENTS, ...single };

log('Herald fan-out to 1,000 subscriptions');
const fanProject = await createProject('fanout');
await cloneSubscription(await subscribe(fanProject.admin, ['fanout.template']), 1_000, 'fanout.', 1_000);
const fanRuns: Array<{ publishMs: number; allArrivedMs: number }> = [];
for (let run = 0; run < 3; run += 1) {
  await receiver.reset();
  const started = now();
  await post(api, '/v1/events', event('fanout.0', run), fanProject.publisher);
  const publishMs = now() - started;
  await receiver.waitFor(1_000);
  fanRuns.push({ publishMs, allArrivedMs: (await receiver.report()).last - started });
  await sleep(500);
}
fanRuns.sort((a, b) => a.allArrivedMs - b.allArrivedMs);
figures.fanOut = { subscriptions: 1_000, runs: fanRuns, median: fanRuns[1] };

log(`Herald with ${SUBSCRIPTIONS} subscriptions in a project`);
const bigProject = await createProject('big');
await cloneSubscription(await subscribe(bigProject.admin, ['spread.template']), SUBSCRIPTIONS, 'spread.', 10);
const smallProject = await createProject('small');
await cloneSubscription(await subscribe(smallProject.admin, ['spread.template']), 10, 'spread.', 10);
const publishIn = (project: { publisher: string }, type: string) => (seq: number) =>
  post(api, '/v1/events', event(type, seq), project.publisher);
figures.manySubscriptions = {
  subscriptions: SUBSCRIPTIONS,
  noneMatching: await sequentialLatency(200, 15, publishIn(bigProject, 'other.type')),
  noneMatchingClients: await closedLoop(CLIENTS, 5, publishIn(bigProject, 'other.type')),
  tenMatching: await sequentialLatency(200, 15, publishIn(bigProject, 'spread.7')),
  tenMatchingInProjectOfTen: await sequentialLatency(200, 15, publishIn(smallProject, 'spread.0')),
};
figures.peakRssMbAtEnd = processUsage(pid).peakRssMb;
results.herald = figures;
results.machine.loadAverageAtEnd = loadavg()[0];

await api.close();
await database.end();
await stopHerald(herald);
receiver.stop();
await environment.dispose();

writeFileSync(JSON_PATH, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
process.exit(0);

function printTable({ receiver: raw, alertmanager: am, herald: h, machine }: Record<string, any>): void {
  const f = (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
  const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
  const rows: string[][] = [['figure', 'Alertmanager', 'Herald', 'Herald / Alertmanager', 'target']];
  for (const [index, total] of BURSTS.entries()) {
    const [a, b] = [am?.bursts[index], h.bursts[index]];
    rows.push([
      `burst of ${total}: deliveries/s end to end`,
      f(a?.perSecond),
      f(b.perSecond),
      ratio(b.perSecond, a?.perSecond),
      total === 20_000 ? '≥ 1.2×' : '',
    ]);
    rows.push([
      `burst of ${total}: CPU ms per delivery`,
      f(a?.cpuMsPerDelivery, 3),
      f(b.cpuMsPerDelivery, 3),
      ratio(b.cpuMsPerDelivery, a?.cpuMsPerDelivery),
      '',
    ]);
  }
  rows.push(['steady 200/s: p50 ms', f(am?.steady.p50Ms, 1), f(h.steady.p50Ms, 1), ratio(h.steady.p50Ms, am?.steady.p50Ms), '≤ 3']);
  rows.push(['steady 200/s: p99 ms', f(am?.steady.p99Ms, 1), f(h.steady.p99Ms, 1), ratio(h.steady.p99Ms, am?.steady.p99Ms), '≤ 15']);
  rows.push([`single publish, ${CLIENTS} clients, 1 subscription: events/s`, '', f(h.singlePublish.perSecond), '', '≥ 3000']);
  rows.push(['1,000 matching: publish answered ms (median of 3)', '', f(h.fanOut.median.publishMs, 1), '', '≤ 30']);
  rows.push(['1,000 matching: all delivered ms (median of 3)', '', f(h.fanOut.median.allArrivedMs), '', '≤ 1000']);
  const many = h.manySubscriptions;
  rows.push([
    `${SUBSCRIPTIONS} subscriptions, none matching: publish p50 / p99 ms`,
    '',
    `${f(many.noneMatching.p50Ms, 1)} / ${f(many.noneMatching.p99Ms, 1)}`,
    '',
    'p50 ≤ 5',
  ]);
  const errors = many.noneMatchingClients.failed
    ? ` (${many.noneMatchingClients.failed} failed: ${many.noneMatchingClients.firstError.slice(0, 60)})`
    : '';
  rows.push([
    `${SUBSCRIPTIONS} subscriptions, none matching: events/s, ${CLIENTS} clients`,
    '',
    `${f(many.noneMatchingClients.perSecond)}${errors}`,
    '',
    '',
  ]);
  rows.push([
    `10 of ${SUBSCRIPTIONS} matching vs project of 10: publish p50 ms`,
    '',
    `${f(many.tenMatching.p50Ms, 1)} vs ${f(many.tenMatchingInProjectOfTen.p50Ms, 1)}`,
    ratio(many.tenMatching.p50Ms, many.tenMatchingInProjectOfTen.p50Ms),
    'same',
  ]);
  rows.push([`peak RSS MB after the ${BURSTS.at(-1)} burst`, f(am?.peakRssMb), f(h.peakRssMb), ratio(h.peakRssMb, am?.peakRssMb), '≤ 200']);
  rows.push(['idle CPU, % of a core', f(am && am.idleCpuShare * 100, 1), f(h.idleCpuShare * 100, 1), '', '< 2']);
  rows.push(['receiver raw capacity: requests/s (64 connections)', '', '', '', f(raw.requestsPerSecond)]);
  console.log(
    `\n${rows
      .map((row) => `| ${row.join(' | ')} |`)
      .join('\n')
      .replace(/\n/, `\n|${' --- |'.repeat(rows[0]!.length)}\n`)}`,
  );
  console.log(
    `\n${machine.cpus} × ${machine.cpu}, Node ${machine.node}, load average ${f(machine.loadAverageAtStart, 2)} → ${f(machine.loadAverageAtEnd, 2)}; JSON in ${JSON_PATH}`,
  );
}
