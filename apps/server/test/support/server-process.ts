import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually.js';

const distEntry = (path: string) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));
const serverEntry = distEntry('main.js');

/** Starts the built service as its own process, as an operator would, and waits until it serves. */
export async function startServerProcess(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [serverEntry], { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    await eventually(
      () =>
        fetch(`http://127.0.0.1:${port}/health`).then(
          (response) => response.ok,
          () => false,
        ),
      { timeout: 30_000, what: 'the server process became healthy' },
    );
    return child;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** Runs a built entry point (`main.js`, `demo/demo-receiver.js`) and collects what it prints. */
export function runBuiltProcess(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [distEntry(entry)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A small client of a server process's API. */
export function processApi(port: number) {
  return (method: string, path: string, key: string, body?: unknown) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((response) => response.json() as Promise<any>);
}

export function randomPort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}
