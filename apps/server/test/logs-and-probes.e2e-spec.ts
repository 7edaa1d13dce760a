import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createScratchEnvironment, ROOT_KEY, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { eventually } from './support/eventually.js';
import { closedPort, LoggedProcess, untilServing } from './support/logged-process.js';
import { randomPort } from './support/server-process.js';
import { TcpProxy } from './support/tcp-proxy.js';

describe('logs and probes of the server process', () => {
  let environment: ScratchEnvironment;
  let herald: LoggedProcess | undefined;

  beforeAll(async () => {
    environment = await createScratchEnvironment({ LOG_LEVEL: 'info' });
  });
  afterEach(() => herald?.kill());
  afterAll(async () => {
    await environment.dispose();
  });

  it('writes JSON lines: one per request with its request id, secrets redacted; shutdown is logged', async () => {
    const port = randomPort();
    herald = new LoggedProcess({ ...environment.env, PORT: String(port) });
    await untilServing(port, herald);
    const base = `http://127.0.0.1:${port}`;
    const secretKey = 'hka_thisisnotarealkeybutlookslikeone';

    const kept = await fetch(`${base}/v1/subscriptions?access_token=query-secret-1`, {
      headers: { authorization: `Bearer ${secretKey}`, 'x-request-id': 'caller-id-42' },
    });
    expect(kept.status).toBe(401);
    expect(kept.headers.get('x-request-id')).toBe('caller-id-42');
    const replaced = await fetch(`${base}/v1/ingest/feishu-project/path-secret-2`, {
      method: 'POST',
      headers: { 'x-request-id': 'not acceptable: <script>alert(1)</script>', authorization: 'Bearer header-secret-3' },
    });
    const generated = replaced.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const project = await fetch(`${base}/v1/projects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ROOT_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'logs', name: 'Logs' }),
    });
    expect(project.status).toBe(201);

    const requestLines = await eventually(() => {
      const lines = herald!.lines().filter((line) => line.req !== undefined);
      return lines.length >= 3 && lines;
    });
    expect(requestLines).toHaveLength(3);
    expect(requestLines.map((line) => [(line.req as { id: string }).id, (line.res as { status: number }).status])).toEqual([
      ['caller-id-42', 401],
      [generated, replaced.status],
      [expect.any(String), 201],
    ]);
    expect(requestLines[0]!.msg).toBe('GET /v1/subscriptions?access_token=[REDACTED] 401');
    expect(requestLines[1]!.msg).toBe(`POST /v1/ingest/feishu-project/[REDACTED] ${replaced.status}`);

    herald.signal('SIGTERM');
    expect(await herald.exited).toBe(0);
    const messages = herald.lines().map((line) => line.msg);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^created database herald_scratch_/), expect.stringMatching(/^applied migration /)]),
    );
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^shutdown started \(SIGTERM\)/), 'shutdown finished']));
    expect(messages.indexOf('shutdown finished')).toBeGreaterThan(messages.findIndex((message) => message.startsWith('shutdown started')));
    const everything = herald.output.join('\n');
    for (const secret of ['query-secret-1', 'path-secret-2', 'header-secret-3', secretKey, ROOT_KEY]) {
      expect(everything).not.toContain(secret);
    }
    expect(herald.lines().every((line) => typeof line.level === 'string' && typeof line.time === 'string')).toBe(true);
  });

  it.each([
    ['PostgreSQL', 'DATABASE_URL', (port: number) => ({ DATABASE_URL: `postgres://postgres:pg-password@127.0.0.1:${port}/herald` })],
    ['Redis', 'REDIS_URL', (port: number) => ({ REDIS_URL: `redis://127.0.0.1:${port}` })],
  ])('exits with a clear error when %s cannot be reached at start', async (name, variable, pointAt) => {
    const port = await closedPort();
    herald = new LoggedProcess({ ...environment.env, PORT: String(randomPort()), ...pointAt(port) });
    expect(await herald.exited).toBe(1);
    const fatal = herald.lines().find((line) => line.level === 'fatal');
    expect(fatal?.msg).toContain(`${name} cannot be reached at`);
    expect(fatal?.msg).toContain(`127.0.0.1:${port}`);
    expect(fatal?.msg).toContain(variable);
    expect(herald.output.join('\n')).not.toContain('pg-password');
  });

  it('fails readiness and warns while Redis is down, and says when it is back', async () => {
    const redis = await new TcpProxy('127.0.0.1', 6379).up();
    const port = randomPort();
    herald = new LoggedProcess({
      ...environment.env,
      PORT: String(port),
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      HERALD_DEPENDENCY_CHECK_INTERVAL_MS: '200',
    });
    try {
      await untilServing(port, herald);
      const ready = () => fetch(`http://127.0.0.1:${port}/health/ready`);
      expect((await ready()).status).toBe(200);

      await redis.down();
      const warning = await herald.waitForLine((line) => line.context === 'Dependencies' && line.level === 'warn');
      expect(warning.msg).toMatch(/^Redis is unreachable/);
      const down = await ready();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unavailable', checks: { postgres: 'up', redis: expect.stringMatching(/^down/) } });
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);

      await redis.up();
      const back = await herald.waitForLine((line) => line.context === 'Dependencies' && line.level === 'info');
      expect(back.msg).toMatch(/^Redis is reachable again/);
      expect((await ready()).status).toBe(200);
    } finally {
      await redis.down();
    }
  });

  it('fails readiness while draining after SIGTERM, while liveness still answers', async () => {
    const port = randomPort();
    herald = new LoggedProcess({ ...environment.env, PORT: String(port), HERALD_DRAIN_DELAY_MS: '3000' });
    await untilServing(port, herald);
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);

    herald.signal('SIGTERM');
    const draining = await eventually(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      return response.status === 503 && ((await response.json()) as { status: string });
    });
    expect(draining).toMatchObject({ status: 'draining' });
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    expect(await herald.exited).toBe(0);
  });
});
