import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, realpath, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { MIGRATIONS } from '../src/database/data-source-options.js';
import { createScratchEnvironment, ROOT_KEY, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { LoggedProcess, untilServing } from './support/logged-process.js';
import { randomPort } from './support/server-process.js';

const run = promisify(execFile);
const serverDirectory = new URL('..', import.meta.url).pathname;

describe('the deployable bundle', () => {
  const receiver = new FakeWebhookReceiver();
  let environment: ScratchEnvironment;
  let workspace: string;
  let bundle: string;
  let server: LoggedProcess | undefined;

  beforeAll(async () => {
    await receiver.start();
    environment = await createScratchEnvironment();
    workspace = await mkdtemp(join(tmpdir(), 'herald-bundle-'));
    // Built where `pnpm bundle` puts it, then moved: nothing in it may point back into the repository.
    const built = join(workspace, 'built');
    await run('pnpm', ['--filter', '@herald/server', 'run', 'bundle'], {
      cwd: serverDirectory,
      env: { ...process.env, BUNDLE_DIR: built },
    });
    bundle = join(workspace, 'moved');
    await rename(built, bundle);
  }, 180_000);
  afterAll(async () => {
    server?.kill();
    await receiver.stop();
    await environment.dispose();
    await rm(workspace, { recursive: true, force: true });
  });

  it('holds the compiled server and production dependencies only', async () => {
    // `console` (the web console's built files) is copied in when the console has been built.
    const entries = (await readdir(bundle)).filter((entry) => entry !== 'console');
    expect(entries.sort()).toEqual(['bin', 'dist', 'node_modules', 'package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'].sort());
    const modules = await readdir(join(bundle, 'node_modules'));
    expect(modules).toEqual(expect.arrayContaining(['@herald', '@nestjs', 'pg', 'pino']));
    expect(modules).not.toContain('jest');
    expect(modules).not.toContain('typescript');
    const channel = await realpath(join(bundle, 'node_modules', '@herald', 'channel-http'));
    expect(channel.startsWith(await realpath(bundle))).toBe(true);
  });

  it('migrates with bin/herald, then serves through bin/herald-server and delivers one event with node alone', async () => {
    const migrated = await run(join(bundle, 'bin', 'herald'), ['migrate'], { env: { ...process.env, ...environment.env } });
    expect(migrated.stdout).toBe(`applied ${MIGRATIONS.map((migration) => migration.name).join(', ')}\n`);
    const again = await run(join(bundle, 'bin', 'herald'), ['migrate'], { env: { ...process.env, ...environment.env } });
    expect(again.stdout).toBe('the database is up to date\n');

    const port = randomPort();
    server = new LoggedProcess({ ...environment.env, PORT: String(port) }, join(bundle, 'bin', 'herald-server'));
    await untilServing(port, server);
    // The heap settings the README describes (Operations, Memory) reach the server process itself.
    const commandLine = (await readFile(`/proc/${server.pid}/cmdline`, 'utf8')).split('\0');
    expect(commandLine).toEqual(expect.arrayContaining(['--max-semi-space-size=8', '--heap-growing-percent=50']));
    expect(commandLine.at(-2)).toMatch(/\/dist\/main\.js$/);
    const base = `http://127.0.0.1:${port}`;
    const call = (path: string, key: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

    const project = await call('/v1/projects', ROOT_KEY, { key: 'bundle', name: 'Bundle' });
    expect(project.status).toBe(201);
    const key = (role: string) => project.body.api_keys.find((entry: { role: string }) => entry.role === role).key;
    const subscription = await call('/v1/subscriptions', key('admin'), {
      name: 'hook',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: `${receiver.url}/bundle` },
    });
    expect(subscription.status).toBe(201);
    const published = await call('/v1/events', key('publisher'), { type: 'bundle.tested', data: { from: 'bundle' } });
    expect(published).toMatchObject({ status: 202, body: { deliveries: 1 } });
    const [request] = await receiver.waitForRequests(1);
    expect(JSON.parse(request!.body)).toMatchObject({ id: published.body.id, type: 'bundle.tested', data: { from: 'bundle' } });
  });
});
