import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { TestApp } from './support/test-app.js';

/** Malformed and hostile input to every writing endpoint: a 4xx that says why, never a 500, nothing half-written. */
describe('hostile input', () => {
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;
  let subscriptionId: string;

  const hostileValues: unknown[] = [
    null,
    42,
    true,
    [],
    'x'.repeat(100_000),
    { $where: 'sleep(1000)' },
    '\u0000\u202e\ud800',
    '${constructor.constructor("return process")()}',
    JSON.parse('{"__proto__": {"polluted": true}}'),
    nested(300),
  ];

  beforeAll(async () => {
    herald = await TestApp.start();
    project = await herald.createProject('hostile');
    const created = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'target',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: 'http://127.0.0.1:9/x' },
      enabled: false,
    });
    subscriptionId = created.body.id;
  });
  afterAll(() => herald?.stop());

  async function counts(): Promise<string> {
    const client = new pg.Client({ connectionString: herald.environment.databaseUrl });
    await client.connect();
    const rows = await client.query(
      'SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM subscriptions) AS s, (SELECT count(*) FROM projects) AS p',
    );
    await client.end();
    return JSON.stringify(rows.rows[0]);
  }

  const writers = () =>
    [
      ['POST', '/v1/events', project.publisher, (value: unknown) => ({ type: value, data: value, time: value })],
      ['POST', '/v1/events/batch', project.publisher, (value: unknown) => ({ events: value })],
      [
        'POST',
        '/v1/subscriptions',
        project.admin,
        (value: unknown) => ({
          name: value,
          channel: 'http',
          action: 'webhook_http_post',
          event_types: [value],
          config: { service_url: value, headers: value, template: value },
        }),
      ],
      [
        'PATCH',
        `/v1/subscriptions/${subscriptionId}`,
        project.admin,
        (value: unknown) => ({ enabled: value, config: { template: value, headers: value } }),
      ],
      ['POST', '/v1/projects', 'root', (value: unknown) => ({ key: value, name: value })],
    ] as const;

  it('answers every hostile body with a 4xx naming the problem, and writes nothing', async () => {
    const { ROOT_KEY } = await import('../src/tools/scratch-environment.js');
    const before = await counts();
    for (const [method, path, key, shape] of writers()) {
      for (const value of hostileValues) {
        if (method === 'PATCH' && value === null) continue; // null removes a field: a valid PATCH
        const response = await herald.request(method, path, key === 'root' ? ROOT_KEY : key, shape(value));
        const label = `${method} ${path} with ${JSON.stringify(value)?.slice(0, 40)}`;
        expect([label, response.status >= 400 && response.status < 500]).toEqual([label, true]);
        expect([label, typeof response.body?.message]).toEqual([label, 'string']);
      }
    }
    expect(await counts()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [
      'header injection through "Name: value" lines',
      { headers: 'X-Ok: 1\r\nX-Injected: evil\rSet-Cookie: a=b' },
      'config.headers line 2: the value of X-Injected contains a control character',
    ],
    ['template code injection', { template: "${constructor.constructor('return process')()}" }, 'is not a path like'],
    ['a prototype path in a template', { template: '${data.__proto__.x}' }, 'is not a path like'],
  ])('refuses %s with a precise message', async (_label, config, message) => {
    const response = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'x',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: 'https://example.com/hook', ...config },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(message);
  });

  it.each([1_000, 100_000])('refuses event data nested %i deep', async (depth) => {
    const raw = `{"type":"deep","data":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const response = await herald.request('POST', '/v1/events', project.publisher, undefined, raw);
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/nested|not valid JSON/);
  });

  it('keeps serving after all of it', async () => {
    expect((await herald.request('GET', '/health')).status).toBe(200);
    expect((await herald.request('POST', '/v1/events', project.publisher, { type: 'still.alive' })).status).toBe(202);
  });
});

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}
