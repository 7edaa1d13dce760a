import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The processes a benchmark run drives: the receiver, Herald, Alertmanager; and what /proc says of them. */

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReceiverReport {
  count: number;
  first: number;
  last: number;
  arrivals: Array<[string, number]>;
}

export class BenchReceiver {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<BenchReceiver> {
    const child = fork(fileURLToPath(new URL('./bench-receiver.js', import.meta.url)), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const { port } = await BenchReceiver.next<{ port: number }>(child, 'port');
    return new BenchReceiver(child, `http://127.0.0.1:${port}`);
  }

  private static next<T>(child: ChildProcess, key: string): Promise<T> {
    return new Promise((resolve) => {
      const listener = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        child.off('message', listener);
        resolve(message as T);
      };
      child.on('message', listener);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  async reset(): Promise<void> {
    const ready = BenchReceiver.next(this.child, 'ready');
    this.child.send({ reset: true });
    await ready;
  }

  /** Resolves when `count` requests arrived since the last reset; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 300_000): Promise<void> {
    const reached = BenchReceiver.next(this.child, 'reached');
    this.child.send({ waitFor: count });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the receiver got fewer than ${count} requests in ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([reached, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async report(): Promise<ReceiverReport> {
    const report = BenchReceiver.next<ReceiverReport>(this.child, 'arrivals');
    this.child.send({ report: true });
    return report;
  }

  stop(): void {
    this.child.kill();
  }
}

/** CPU seconds (user + system) and peak resident memory of a process, from /proc. */
export function processUsage(pid: number): { cpuSeconds: number; peakRssMb: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

async function waitUntilAnswering(url: string, child: ChildProcess, what: string): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${what} did not start`);
}

/**
 * Herald as operators start it, through bin/herald-server (its Node.js heap settings included); with
 * `cpuProfileDir`, a V8 CPU profile is written there when it stops.
 */
export async function startHerald(env: Record<string, string>, port: number, cpuProfileDir?: string): Promise<ChildProcess> {
  const launcher = fileURLToPath(new URL('../../../bin/herald-server', import.meta.url));
  const profiling = cpuProfileDir
    ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${cpuProfileDir}`.trim() }
    : {};
  const child = spawn(launcher, [], {
    env: { ...process.env, ...env, ...profiling, PORT: String(port) },
    stdio: ['ignore', 'ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  await waitUntilAnswering(`http://127.0.0.1:${port}/health`, child, 'Herald');
  return child;
}

/** SIGTERM: Herald shuts down and exits, which writes the CPU profile when one is being taken. */
export async function stopHerald(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';

/**
 * Prometheus Alertmanager (in memory) routing every alert to the receiver as its own notification:
 * grouped by all labels, no group wait. Undefined when it is not installed.
 */
export async function startAlertmanager(receiverUrl: string, port: number): Promise<{ child: ChildProcess; stop(): void } | undefined> {
  if (!existsSync(ALERTMANAGER_BIN)) return undefined;
  const directory = mkdtempSync(join(tmpdir(), 'herald-bench-am-'));
  writeFileSync(
    join(directory, 'alertmanager.yml'),
    [
      'route:',
      '  receiver: bench',
      "  group_by: ['...']",
      '  group_wait: 0s',
      '  group_interval: 1h',
      '  repeat_interval: 24h',
      'receivers:',
      '  - name: bench',
      '    webhook_configs:',
      `      - url: ${receiverUrl}/alertmanager`,
      '        send_resolved: false',
      '',
    ].join('\n'),
  );
  const child = spawn(
    ALERTMANAGER_BIN,
    [
      `--config.file=${join(directory, 'alertmanager.yml')}`,
      `--storage.path=${directory}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore'] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  await waitUntilAnswering(`http://127.0.0.1:${port}/-/ready`, child, 'Alertmanager');
  return {
    child,
    stop: () => {
      child.kill();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
