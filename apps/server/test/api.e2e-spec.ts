import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { TestApp } from './support/test-app.js';
import { ROOT_KEY } from '../src/tools/scratch-environment.js';

describe('the public API', () => {
  let herald: TestApp;
  let projectA: Awaited<ReturnType<TestApp['createProject']>>;
  let projectB: Awaited<ReturnType<TestApp['createProject']>>;
  let subscriptionA: { id: string };

  const validSubscription = {
    name: '客服通知',
    channel: 'http',
    action: 'webhook_http_post',
    event_types: ['ticket.*'],
    config: {
      service_url: 'http://127.0.0.1:9/hook',
      token: 'super-secret-token',
      template: '新留言 ${data.message_content} (${project.name})',
    },
  };

  beforeAll(async () => {
    herald = await TestApp.start();
    projectA = await herald.createProject('alpha');
    projectB = await herald.createProject('beta');
    subscriptionA = (await herald.request('POST', '/v1/subscriptions', projectA.admin, { ...validSubscription, enabled: false })).body;
  });
  afterAll(() => herald?.stop());

  async function countRows(table: string): Promise<number> {
    const client = new pg.Client({ connectionString: herald.environment.databaseUrl });
    await client.connect();
    const result = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    await client.end();
    return result.rows[0].n;
  }

  it('answers health with Postgres and Redis checked', async () => {
    const response = await herald.request('GET', '/health');
    expect(response).toEqual({ status: 200, body: { status: 'ok', checks: { postgres: 'up', redis: 'up' } } });
  });

  it('serves Prometheus metrics without a key', async () => {
    const response = await herald.request('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.body).toContain('herald_delivery_attempts_total');
  });

  it('lists the installed channels with each action and its JSON Schema', async () => {
    const response = await herald.request('GET', '/v1/channels', projectA.publisher);
    const http = response.body.data.find((channel: { id: string }) => channel.id === 'http');
    expect(http.actions.map((action: { id: string }) => action.id)).toEqual(['webhook_http_post', 'webhook_http_get']);
    expect(http.actions[0].config_schema.properties.service_url).toMatchObject({ type: 'string' });
    expect(http.actions[0].config_schema.properties.token).toMatchObject({ writeOnly: true });
    expect(http.actions[0].config_schema.required).toContain('service_url');
  });

  it('stores secrets encrypted and never returns them', async () => {
    const response = await herald.request('GET', `/v1/subscriptions/${subscriptionA.id}`, projectA.admin);
    expect(response.body.config).toMatchObject({ token: '********', service_url: 'http://127.0.0.1:9/hook' });
    expect(JSON.stringify(response.body)).not.toContain('super-secret-token');
    const client = new pg.Client({ connectionString: herald.environment.databaseUrl });
    await client.connect();
    const row = (await client.query('SELECT config, secrets_encrypted FROM subscriptions WHERE id = $1', [subscriptionA.id])).rows[0];
    await client.end();
    expect(JSON.stringify(row)).not.toContain('super-secret-token');
    expect(row.secrets_encrypted).toMatch(/^v1:/);
  });

  it('keeps a secret when a PATCH sends back its mask, and re-validates the config', async () => {
    const masked = (await herald.request('GET', `/v1/subscriptions/${subscriptionA.id}`, projectA.admin)).body.config;
    const patched = await herald.request('PATCH', `/v1/subscriptions/${subscriptionA.id}`, projectA.admin, {
      name: 'renamed',
      config: masked,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('renamed');
    const bad = await herald.request('PATCH', `/v1/subscriptions/${subscriptionA.id}`, projectA.admin, {
      config: { service_url: 'ftp://x' },
    });
    expect(bad).toMatchObject({ status: 400, body: { message: 'config.service_url must use http or https, not ftp' } });
  });

  describe('every endpoint, tried with the wrong keys', () => {
    const endpoints = (subscriptionId: string, deliveryId: string, eventId: string) =>
      [
        ['POST', '/v1/projects', 'root'],
        ['POST', '/v1/events', 'publisher'],
        ['POST', '/v1/events/batch', 'publisher'],
        ['GET', `/v1/events/${eventId}`, 'admin'],
        ['GET', '/v1/channels', 'publisher'],
        ['POST', '/v1/subscriptions', 'admin'],
        ['GET', '/v1/subscriptions', 'admin'],
        ['GET', `/v1/subscriptions/${subscriptionId}`, 'admin'],
        ['PATCH', `/v1/subscriptions/${subscriptionId}`, 'admin'],
        ['DELETE', `/v1/subscriptions/${subscriptionId}`, 'admin'],
        ['POST', `/v1/subscriptions/${subscriptionId}/test`, 'admin'],
        ['POST', `/v1/subscriptions/${subscriptionId}/redeliver`, 'admin'],
        ['GET', `/v1/subscriptions/${subscriptionId}/stats`, 'admin'],
        ['GET', '/v1/deliveries', 'admin'],
        ['GET', `/v1/deliveries/${deliveryId}`, 'admin'],
        ['POST', `/v1/deliveries/${deliveryId}/retry`, 'admin'],
      ] as const;

    it("answers 401 without a key or with a wrong one, 403 to a key of too low a role, 404 for another project's objects", async () => {
      const published = await herald.request('POST', '/v1/events', projectA.publisher, { type: 'ticket.table' });
      const wrongSubscription = (await herald.request('POST', '/v1/subscriptions', projectA.admin, { ...validSubscription, name: 'table' }))
        .body;
      const eventWithDelivery = await herald.request('POST', '/v1/events', projectA.publisher, { type: 'ticket.table2' });
      const [delivery] = await herald.deliveriesOfEvent(projectA.admin, eventWithDelivery.body.id);
      const results: string[] = [];
      for (const [method, path, lowest] of endpoints(wrongSubscription.id, delivery.id, published.body.id)) {
        const none = await herald.request(method, path, undefined, {});
        const wrong = await herald.request(method, path, 'hka_wrong', {});
        results.push(`${method} ${path} none=${none.status} wrong=${wrong.status}`);
        expect([method, path, none.status, wrong.status]).toEqual([method, path, 401, 401]);
        if (lowest === 'admin' || lowest === 'root') {
          const publisher = await herald.request(method, path, projectA.publisher, {});
          expect([method, path, publisher.status]).toEqual([method, path, 403]);
        }
        if (lowest === 'root') {
          const admin = await herald.request(method, path, projectA.admin, { key: 'nope', name: 'nope' });
          expect([method, path, admin.status]).toEqual([method, path, 403]);
        }
        if (path.includes('_')) {
          const other = await herald.request(
            method,
            path,
            projectB.admin,
            method === 'PATCH'
              ? { name: 'x' }
              : method === 'POST' && path.endsWith('redeliver')
                ? { since: new Date().toISOString() }
                : undefined,
          );
          expect([method, path, other.status]).toEqual([method, path, 404]);
        }
      }
      expect(results).toHaveLength(16);
    });
  });

  describe('roles and project isolation', () => {
    it.each([
      ['no key', undefined, 401],
      ['a wrong key', 'hka_not-a-key', 401],
      ['a publisher key', 'publisher', 403],
    ])('refuses subscription management with %s', async (_label, key, status) => {
      const presented = key === 'publisher' ? projectA.publisher : key;
      const response = await herald.request('POST', '/v1/subscriptions', presented, validSubscription);
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ statusCode: status });
      expect(typeof response.body.message).toBe('string');
    });

    it('lets only the root key create projects', async () => {
      expect((await herald.request('POST', '/v1/projects', projectA.admin, { key: 'x1', name: 'x' })).status).toBe(403);
      expect((await herald.request('POST', '/v1/projects', ROOT_KEY, { key: 'alpha', name: 'again' })).status).toBe(409);
    });

    it("hides project A's objects from project B (404)", async () => {
      for (const [method, path] of [
        ['GET', `/v1/subscriptions/${subscriptionA.id}`],
        ['PATCH', `/v1/subscriptions/${subscriptionA.id}`],
        ['DELETE', `/v1/subscriptions/${subscriptionA.id}`],
        ['POST', `/v1/subscriptions/${subscriptionA.id}/test`],
        ['GET', `/v1/subscriptions/${subscriptionA.id}/stats`],
      ] as const) {
        const response = await herald.request(method, path, projectB.admin, method === 'PATCH' ? { name: 'stolen' } : undefined);
        expect([method, path, response.status]).toEqual([method, path, 404]);
      }
      const list = await herald.request('GET', '/v1/subscriptions', projectB.admin);
      expect(list.body.data).toEqual([]);
      const events = await herald.request('POST', '/v1/events', projectA.publisher, { type: 'ticket.created' });
      expect((await herald.request('GET', `/v1/events/${events.body.id}`, projectB.admin)).status).toBe(404);
    });
  });

  describe('invalid input gets a 4xx naming the problem and writes nothing', () => {
    it.each([
      ['bad JSON', '/v1/events', undefined, '{"type": ', 400, 'the body is not valid JSON'],
      ['a missing type', '/v1/events', { data: {} }, undefined, 400, 'type is required'],
      ['an unknown field', '/v1/events', { type: 'a', colour: 'red' }, undefined, 400, 'colour is not a known field'],
      ['a bad time', '/v1/events', { type: 'a', time: 'yesterday' }, undefined, 400, 'time must be an ISO 8601 date-time'],
      ['an event over 1 MiB', '/v1/events', { type: 'a', data: { blob: 'x'.repeat(1024 * 1024 + 10) } }, undefined, 413, 'over 1 MiB'],
      [
        'a batch over 500 events',
        '/v1/events/batch',
        { events: Array.from({ length: 501 }, () => ({ type: 'a' })) },
        undefined,
        400,
        'events may hold at most 500 events',
      ],
      ['a bad event in a batch', '/v1/events/batch', { events: [{ type: 'ok' }, { type: '' }] }, undefined, 400, 'events.1.type must be'],
    ])('publish with %s', async (_label, path, body, raw, status, message) => {
      const before = await countRows('events');
      const response = await herald.request('POST', path, projectA.publisher, body, raw);
      expect(response.status).toBe(status);
      expect(response.body.message).toContain(message);
      expect(await countRows('events')).toBe(before);
    });

    it.each([
      ['no fields', {}, 'name is required'],
      ['an unknown channel', { ...validSubscription, channel: 'pigeon' }, 'channel "pigeon" is not installed'],
      ['an unknown action', { ...validSubscription, action: 'fax' }, 'action "fax" is not an action of channel http'],
      [
        'a URL that is not http(s)',
        { ...validSubscription, config: { service_url: 'file:///etc/passwd' } },
        'config.service_url must use http or https, not file',
      ],
      [
        'a template syntax error',
        { ...validSubscription, config: { service_url: 'https://x.example', template: 'a ${data.x' } },
        'config.template unclosed',
      ],
      ['a bad event type pattern', { ...validSubscription, event_types: ['ticket*'] }, 'each event_types entry must be'],
      [
        'a config field that does not exist',
        { ...validSubscription, config: { service_url: 'https://x.example', colour: 1 } },
        'config.colour is not a field of this action',
      ],
    ])('create a subscription with %s', async (_label, body, message) => {
      const before = await countRows('subscriptions');
      const response = await herald.request('POST', '/v1/subscriptions', projectA.admin, body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.message).toContain(message);
      expect(await countRows('subscriptions')).toBe(before);
    });
  });

  it('pages the delivery log newest first with a cursor', async () => {
    const created = await herald.request('POST', '/v1/subscriptions', projectB.admin, {
      ...validSubscription,
      config: { service_url: 'http://127.0.0.1:9/nothing-listens' },
      retry_policy: { max_attempts: 1 },
    });
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      ids.push((await herald.request('POST', '/v1/events', projectB.publisher, { type: 'ticket.x', data: { index } })).body.id);
    }
    const first = await herald.request('GET', `/v1/deliveries?subscription_id=${created.body.id}&limit=3`, projectB.admin);
    const second = await herald.request(
      'GET',
      `/v1/deliveries?subscription_id=${created.body.id}&limit=3&cursor=${first.body.next_cursor}`,
      projectB.admin,
    );
    const eventOrder = [...first.body.data, ...second.body.data].map((delivery: { event_id: string }) => delivery.event_id);
    expect(eventOrder).toEqual([...ids].reverse());
    expect(second.body.next_cursor).toBeNull();
    const badStatus = await herald.request('GET', '/v1/deliveries?status=lost', projectB.admin);
    expect(badStatus).toMatchObject({
      status: 400,
      body: { message: 'status must be one of pending, delivering, succeeded, failed, skipped' },
    });
  });
});
