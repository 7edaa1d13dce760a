import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually.js';

const serverEntry = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface LogLine {
  level: string;
  msg: string;
  context?: string;
  [field: string]: unknown;
}

/** The built service as a process whose standard output (a pipe, so JSON lines) the test reads. */
export class LoggedProcess {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  /** `entry`: a built script, run with this Node.js, or an executable (the bundle's bin/herald-server). */
  constructor(env: Record<string, string>, entry = serverEntry, args: string[] = []) {
    const [command, commandArgs] = entry.endsWith('.js') ? [process.execPath, [entry, ...args]] : [entry, args];
    this.child = spawn(command, commandArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    const collect = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      this.output.push(...lines.filter((line) => line.length > 0));
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Every output line parsed as JSON; throws on a line that is not. */
  lines(): LogLine[] {
    return this.output.map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
  }

  async waitForLine(matches: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    return eventually(() => this.lines().find(matches), {
      timeout: timeoutMs,
      what: () => `a matching log line in:\n${this.output.join('\n')}\n`,
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Waits until the service at `port` answers its liveness probe. */
export async function untilServing(port: number, process: LoggedProcess): Promise<void> {
  await eventually(
    () =>
      fetch(`http://127.0.0.1:${port}/health/live`).then(
        (response) => response.ok,
        () => false,
      ),
    { timeout: 30_000, what: () => `the server's start, with this output:\n${process.output.join('\n')}\n` },
  );
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
