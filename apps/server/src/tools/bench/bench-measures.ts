import { Pool } from 'undici';
import { type BenchReceiver, now, processUsage, sleep } from './bench-processes.js';

/** The measurements a benchmark run makes, each the same for Herald and for Alertmanager. */

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

export interface BurstFigures {
  events: number;
  perSecond: number;
  cpuMsPerDelivery: number;
}

/** Posts `total` items in batches (one after another) and times until the receiver has them all. */
export async function burst(
  receiver: BenchReceiver,
  pid: number,
  total: number,
  postBatch: (from: number, count: number) => Promise<void>,
  batchSize = 500,
): Promise<BurstFigures> {
  await receiver.reset();
  const cpuBefore = processUsage(pid).cpuSeconds;
  const started = now();
  for (let from = 0; from < total; from += batchSize) await postBatch(from, Math.min(batchSize, total - from));
  await receiver.waitFor(total);
  const { last } = await receiver.report();
  const cpu = processUsage(pid).cpuSeconds - cpuBefore;
  return { events: total, perSecond: total / ((last - started) / 1000), cpuMsPerDelivery: (cpu * 1000) / total };
}

export interface LatencyFigures {
  rate: number;
  count: number;
  p50Ms: number;
  p99Ms: number;
}

/** An open-loop stream of `rate` items a second for `seconds`; publish → arrival of each. */
export async function steady(
  receiver: BenchReceiver,
  rate: number,
  seconds: number,
  postOne: (seq: number) => Promise<unknown>,
): Promise<LatencyFigures> {
  await receiver.reset();
  const count = rate * seconds;
  const sentAt = new Map<string, number>();
  const started = now();
  const posts: Array<Promise<unknown>> = [];
  for (let seq = 0; seq < count; seq += 1) {
    const wait = started + (seq * 1000) / rate - now();
    if (wait > 1) await sleep(wait);
    sentAt.set(String(seq), now());
    posts.push(postOne(seq));
  }
  await Promise.all(posts);
  await receiver.waitFor(count);
  const { arrivals } = await receiver.report();
  const latencies = arrivals.filter(([seq]) => sentAt.has(seq)).map(([seq, at]) => at - sentAt.get(seq)!);
  return { rate, count, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}

/** Requests a second that `clients` concurrent callers get through in about `seconds`; failed calls are counted apart. */
export async function closedLoop(clients: number, seconds: number, call: (n: number) => Promise<unknown>) {
  const started = now();
  const deadline = started + seconds * 1000;
  let count = 0;
  let failed = 0;
  let firstError: string | undefined;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (now() < deadline) {
        await call(count + failed).then(
          () => (count += 1),
          (error: Error) => {
            failed += 1;
            firstError ??= error.message;
          },
        );
      }
    }),
  );
  return { perSecond: count / ((now() - started) / 1000), count, failed, firstError };
}

/** Latency of one call at a time, `samples` times or until `maxSeconds` ran out (at least 3 samples). */
export async function sequentialLatency(samples: number, maxSeconds: number, call: (n: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const deadline = now() + maxSeconds * 1000;
  for (let n = 0; n < samples && (n < 3 || now() < deadline); n += 1) {
    const started = now();
    await call(n);
    latencies.push(now() - started);
  }
  return { samples: latencies.length, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}

/** Share of one core a process used over `seconds` while nothing was asked of it. */
export async function idleCpu(pid: number, seconds: number): Promise<number> {
  const before = processUsage(pid).cpuSeconds;
  await sleep(seconds * 1000);
  return (processUsage(pid).cpuSeconds - before) / seconds;
}

/** The receiver's own capacity: POSTs of a delivery-sized body over 64 keep-alive connections. */
export async function receiverCapacity(receiver: BenchReceiver, total: number): Promise<number> {
  await receiver.reset();
  const pool = new Pool(receiver.url, { connections: 64 });
  const body = JSON.stringify({ id: 'evt_x', type: 'bench.burst', data: { text: 'a realistic little payload', tags: ['a', 'b'] } });
  const started = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < total) {
        next += 1;
        const answer = await pool.request({ path: '/raw', method: 'POST', body, headers: { 'content-type': 'application/json' } });
        await answer.body.dump();
      }
    }),
  );
  const rate = total / ((now() - started) / 1000);
  await pool.close();
  return rate;
}
