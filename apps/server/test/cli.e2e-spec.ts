import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { MIGRATIONS } from '../src/database/data-source-options.js';
import { createScratchEnvironment, ROOT_KEY } from '../src/tools/scratch-environment.js';
import { eventually } from './support/eventually.js';
import { closedPort } from './support/logged-process.js';
import { TestApp } from './support/test-app.js';

const cliEntry = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `herald` as a process, as a person or a script would. */
function herald(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliEntry, ...args],
      { env: { ...process.env, HERALD_URL: '', HERALD_KEY: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the herald CLI against a running server', () => {
  const receiver = new FakeWebhookReceiver();
  let server: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    await receiver.start();
    receiver.handler = (request) =>
      request.url.startsWith('/refuses') ? { status: 400, body: 'no such hook' } : { status: 200, body: 'ok' };
    server = await TestApp.start();
    env = { HERALD_URL: server.baseUrl };
  });
  afterAll(async () => {
    await server?.stop();
    await receiver.stop();
  });

  it('creates and lists projects with the root key, as a table and as JSON', async () => {
    const created = await herald(['projects', 'create', 'cli-demo', '--name', 'CLI demo', '--retention-days', '90', '--json'], {
      ...env,
      HERALD_KEY: ROOT_KEY,
    });
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const project = JSON.parse(created.stdout);
    expect(project).toMatchObject({
      key: 'cli-demo',
      name: 'CLI demo',
      retention_days: 90,
      api_keys: [{ role: 'admin' }, { role: 'publisher' }],
    });

    const table = await herald(['projects', 'list', '--url', server.baseUrl, '--key', ROOT_KEY]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ id\s+│ key\s+│ name\s+│ created\s+│/);
    expect(table.stdout).toContain(`│ ${project.id} │ cli-demo │ CLI demo │`);
    const listed = JSON.parse((await herald(['projects', 'list', '--json'], { ...env, HERALD_KEY: ROOT_KEY })).stdout);
    expect(listed.data.map((entry: { key: string }) => entry.key)).toContain('cli-demo');
  });

  it('sends events, lists subscriptions and failed deliveries, and manages keys with an admin key', async () => {
    const project = await server.createProject('cli-work');
    const admin = { ...env, HERALD_KEY: project.admin };
    for (const [name, path] of [
      ['fine', '/fine'],
      ['refusing', '/refuses'],
    ]) {
      const response = await server.request('POST', '/v1/subscriptions', project.admin, {
        name,
        channel: 'http',
        action: 'webhook_http_post',
        event_types: ['order.*'],
        config: { service_url: `${receiver.url}${path}` },
      });
      expect(response.status).toBe(201);
    }

    const sent = await herald(['send', 'order.paid', '--data', '{"order": 42}', '--json'], { ...env, HERALD_KEY: project.publisher });
    expect(sent).toMatchObject({ code: 0, stderr: '' });
    const event = JSON.parse(sent.stdout);
    expect(event).toMatchObject({ id: expect.stringMatching(/^evt_/), deliveries: 2, duplicate: false });
    const statuses = await eventually(async () => {
      const deliveries = await server.deliveriesOfEvent(project.admin, event.id);
      const done = deliveries.map((delivery: { status: string }) => delivery.status).sort();
      return done.join() === 'failed,succeeded' && deliveries;
    });
    const failed = statuses.find((delivery: { status: string }) => delivery.status === 'failed');

    const failures = await herald(['deliveries', 'list', '--status', 'failed'], admin);
    expect(failures.code).toBe(0);
    expect(failures.stdout).toContain(failed.id);
    expect(failures.stdout).toContain('failed');
    expect(failures.stdout.split('\n').filter((line) => line.includes('dlv_'))).toHaveLength(1);
    const failuresJson = JSON.parse((await herald(['deliveries', 'list', '--status', 'failed', '--json'], admin)).stdout);
    expect(failuresJson.data).toEqual([expect.objectContaining({ id: failed.id, status: 'failed', event_id: event.id })]);

    const subscriptions = await herald(['subscriptions', 'list'], admin);
    expect(subscriptions.code).toBe(0);
    expect(subscriptions.stdout).toMatch(/│ fine\s+│ http webhook_http_post │ order\.\*\s+│ enabled/);
    expect(subscriptions.stdout).toMatch(/│ refusing\s+│/);

    const createdKey = await herald(['keys', 'create', '--name', 'ci-pipeline', '--role', 'publisher', '--json'], admin);
    expect(createdKey).toMatchObject({ code: 0, stderr: '' });
    const key = JSON.parse(createdKey.stdout);
    expect(key).toMatchObject({ name: 'ci-pipeline', role: 'publisher', key: expect.stringMatching(/^hkp_/) });
    expect((await herald(['send', 'order.shipped'], { ...env, HERALD_KEY: key.key })).code).toBe(0);
    const keys = await herald(['keys', 'list'], admin);
    expect(keys.stdout).toMatch(new RegExp(`│ ${key.id} │ ci-pipeline │ publisher │`));
    expect(keys.stdout).not.toContain(key.key);

    const revoked = await herald(['keys', 'revoke', key.id], admin);
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked ${key.id}\n` });
    const refused = await herald(['send', 'order.shipped'], { ...env, HERALD_KEY: key.key });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^herald: the server did not accept the key \(401: .*\): check HERALD_KEY or --key\.\n$/);
  });

  it('says what to do when the server is not there, the key is wrong or the input is bad', async () => {
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = await herald(['subscriptions', 'list'], { HERALD_URL: nowhere, HERALD_KEY: 'hka_x' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(
      `herald: cannot reach the Herald server at ${nowhere} (ECONNREFUSED): is the server running at ${nowhere}? Point --url or HERALD_URL at it.\n`,
    );
    const unauthorised = await herald(['projects', 'list'], { ...env, HERALD_KEY: 'hrk_wrong' });
    expect(unauthorised.stderr).toMatch(/check HERALD_KEY or --key/);
    const badJson = await herald(['send', 'order.paid', '--data', '{order: 42}'], { ...env, HERALD_KEY: 'hkp_unused' });
    expect(badJson.code).toBe(1);
    expect(badJson.stderr).toMatch(/^herald: --data is not JSON \(.*\): quote it for the shell, such as --data '\{"id": 42\}'\n$/);
    const badStatus = await herald(['deliveries', 'list', '--status', 'lost'], env);
    expect(badStatus.code).toBe(1);
    expect(badStatus.stderr).toContain(
      "error: option '--status <status>' argument 'lost' is invalid. Allowed choices are pending, delivering, succeeded, failed.",
    );
  });

  it('migrates an empty database (herald migrate, DATABASE_URL)', async () => {
    const environment = await createScratchEnvironment();
    try {
      const migrated = await herald(['migrate'], { DATABASE_URL: environment.databaseUrl });
      expect(migrated).toMatchObject({ code: 0, stderr: '' });
      expect(migrated.stdout).toBe(`applied ${MIGRATIONS.map((migration) => migration.name).join(', ')}\n`);
      const database = new pg.Client({ connectionString: environment.databaseUrl });
      await database.connect();
      const tables = await database.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
      await database.end();
      expect(tables.rows.map((row) => row.tablename)).toEqual(
        expect.arrayContaining(['deliveries', 'events', 'projects', 'subscriptions']),
      );
      expect((await herald(['migrate', '--json'], { DATABASE_URL: environment.databaseUrl })).stdout).toBe('{\n  "applied": []\n}\n');
    } finally {
      await environment.dispose();
    }
  });

  it('prints its help', async () => {
    const help = await herald(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['projects', 'keys', 'send', 'subscriptions', 'deliveries', 'migrate'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });
});
