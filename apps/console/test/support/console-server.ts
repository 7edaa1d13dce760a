import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchEnvironment, ROOT_KEY, type ScratchEnvironment } from '@herald/server/dist/tools/scratch-environment.js';

const require = createRequire(import.meta.url);
const serverEntry = join(dirname(require.resolve('@herald/server/package.json')), 'dist', 'main.js');
const consoleDirectory = fileURLToPath(new URL('../../dist', import.meta.url));

/** The built Herald server, as `pnpm start` runs it, on its own database and Redis prefix, serving the built console. */
export class ConsoleServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly environment: ScratchEnvironment,
    readonly baseUrl: string,
  ) {}

  static readonly rootKey = ROOT_KEY;

  static async start(): Promise<ConsoleServer> {
    const environment = await createScratchEnvironment({ HERALD_CONSOLE_DIR: consoleDirectory });
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, [serverEntry], {
      env: { ...process.env, ...environment.env, PORT: String(port) },
      stdio: 'ignore',
    });
    const server = new ConsoleServer(child, environment, `http://127.0.0.1:${port}`);
    await eventually(() => fetch(`${server.baseUrl}/health`).then((response) => response.ok), 90_000, 'the server did not become healthy');
    return server;
  }

  async api<T = any>(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
    await this.environment.dispose();
  }
}

/** Polls until `check` holds (or throws after `timeoutMs`, saying what was awaited). */
export async function eventually<T>(check: () => Promise<T | false> | T | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms${last ? `: ${last}` : ''}`);
}
