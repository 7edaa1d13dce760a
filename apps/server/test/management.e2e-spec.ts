import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KEY_CACHE_MS } from '../src/auth/api-keys.service.js';
import { ROOT_KEY } from '../src/tools/scratch-environment.js';
import { eventually } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

type Project = Awaited<ReturnType<TestApp['createProject']>>;

describe('the management API: projects, API keys, the event log', () => {
  let herald: TestApp;
  let alpha: Project;
  let beta: Project;

  beforeAll(async () => {
    herald = await TestApp.start();
    alpha = await herald.createProject('alpha');
    beta = await herald.createProject('beta');
  });
  afterAll(() => herald?.stop());

  describe('who may call what', () => {
    it.each([
      ['GET', '/v1/projects', 'root'],
      ['GET', '/v1/projects/prj_x', 'root'],
      ['DELETE', '/v1/projects/prj_x', 'root'],
      ['POST', '/v1/projects/prj_x/api-keys', 'root'],
      ['GET', '/v1/api-keys', 'admin'],
      ['POST', '/v1/api-keys', 'admin'],
      ['DELETE', '/v1/api-keys/key_x', 'admin'],
      ['GET', '/v1/events', 'admin'],
    ] as const)('%s %s: 401 without a key, 403 to the keys that may not (it needs %s)', async (method, path, needs) => {
      expect((await herald.request(method, path)).status).toBe(401);
      expect((await herald.request(method, path, 'hka_wrong')).status).toBe(401);
      const refused = needs === 'root' ? [alpha.admin, alpha.publisher] : [alpha.publisher, ROOT_KEY];
      for (const key of refused) {
        const response = await herald.request(method, path, key, { name: 'x', role: 'publisher' });
        expect({ key: key.slice(0, 4), status: response.status }).toEqual({ key: key.slice(0, 4), status: 403 });
        expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      }
    });
  });

  describe('projects (root)', () => {
    it('lists and reads projects', async () => {
      const list = await herald.request('GET', '/v1/projects', ROOT_KEY);
      expect(list.status).toBe(200);
      expect(list.body.data.map((project: { key: string }) => project.key)).toEqual(expect.arrayContaining(['alpha', 'beta']));
      const one = await herald.request('GET', `/v1/projects/${alpha.id}`, ROOT_KEY);
      expect(one).toEqual({
        status: 200,
        body: { id: alpha.id, key: 'alpha', name: 'Project alpha', retention_days: null, created_at: expect.any(String) },
      });
      expect(await herald.request('GET', '/v1/projects/prj_missing', ROOT_KEY)).toMatchObject({
        status: 404,
        body: { message: 'project prj_missing not found' },
      });
    });

    it('deletes a project with everything in it; its keys stop working at once', async () => {
      const doomed = await herald.createProject('doomed');
      const published = await herald.request('POST', '/v1/events', doomed.publisher, { type: 'a.b' });
      expect(published.status).toBe(202);
      expect((await herald.request('DELETE', `/v1/projects/${doomed.id}`, ROOT_KEY)).status).toBe(204);
      expect((await herald.request('GET', `/v1/projects/${doomed.id}`, ROOT_KEY)).status).toBe(404);
      expect((await herald.request('GET', '/v1/subscriptions', doomed.admin)).status).toBe(401);
      expect((await herald.request('POST', '/v1/events', doomed.publisher, { type: 'a.b' })).status).toBe(401);
      const keys = (await herald.request('GET', '/v1/projects', ROOT_KEY)).body.data.map((project: { key: string }) => project.key);
      expect(keys).not.toContain('doomed');
      expect((await herald.request('DELETE', `/v1/projects/${doomed.id}`, ROOT_KEY)).status).toBe(404);
      expect((await herald.request('GET', '/v1/subscriptions', alpha.admin)).status).toBe(200);
    });
    it("creates a new admin key for an existing project (its admin key lost), shown once; the project's other keys keep working", async () => {
      const project = await herald.createProject();
      const created = await herald.request('POST', `/v1/projects/${project.id}/api-keys`, ROOT_KEY, { name: 'recovered', role: 'admin' });
      expect(created).toEqual({
        status: 201,
        body: {
          id: expect.stringMatching(/^key_/),
          name: 'recovered',
          role: 'admin',
          key: expect.stringMatching(/^hka_/),
          key_prefix: created.body.key.slice(0, 8),
          created_at: expect.any(String),
          last_used_at: null,
        },
      });
      expect((await herald.request('GET', '/v1/subscriptions', created.body.key)).status).toBe(200);
      expect((await herald.request('GET', '/v1/subscriptions', project.admin)).status).toBe(200);
      const listed = (await herald.request('GET', '/v1/api-keys', created.body.key)).body.data;
      expect(listed.map((key: { name: string; role: string }) => [key.name, key.role])).toEqual([
        ['admin', 'admin'],
        ['publisher', 'publisher'],
        ['recovered', 'admin'],
      ]);
      expect(listed.some((key: object) => 'key' in key)).toBe(false);
    });

    it('refuses a key for a missing project (404) and a config it cannot take (400)', async () => {
      expect(await herald.request('POST', '/v1/projects/prj_missing/api-keys', ROOT_KEY, { name: 'x', role: 'admin' })).toMatchObject({
        status: 404,
        body: { message: 'project prj_missing not found' },
      });
      expect(await herald.request('POST', `/v1/projects/${alpha.id}/api-keys`, ROOT_KEY, { name: '', role: 'owner' })).toMatchObject({
        status: 400,
        body: { message: expect.stringContaining('role must be admin or publisher') },
      });
    });
  });

  describe('API keys (admin)', () => {
    it('creates a named key shown once, lists keys with their last use and never the key', async () => {
      const created = await herald.request('POST', '/v1/api-keys', alpha.admin, { name: 'ci-pipeline', role: 'publisher' });
      expect(created).toEqual({
        status: 201,
        body: {
          id: expect.stringMatching(/^key_/),
          name: 'ci-pipeline',
          role: 'publisher',
          key: expect.stringMatching(/^hkp_/),
          key_prefix: created.body.key.slice(0, 8),
          created_at: expect.any(String),
          last_used_at: null,
        },
      });
      const before = (await herald.request('GET', '/v1/api-keys', alpha.admin)).body;
      expect(before.data.find((key: { id: string }) => key.id === created.body.id)).toMatchObject({
        name: 'ci-pipeline',
        last_used_at: null,
      });

      expect((await herald.request('POST', '/v1/events', created.body.key, { type: 'ci.build' })).status).toBe(202);
      const after = await herald.request('GET', '/v1/api-keys', alpha.admin);
      expect(after.status).toBe(200);
      expect(after.body.data.map((key: { name: string; role: string }) => `${key.name}/${key.role}`)).toEqual([
        'admin/admin',
        'publisher/publisher',
        'ci-pipeline/publisher',
      ]);
      const used = after.body.data.find((key: { id: string }) => key.id === created.body.id);
      expect(Date.parse(used.last_used_at)).toBeGreaterThan(Date.parse(used.created_at) - 1);
      const listed = JSON.stringify(after.body);
      for (const secret of [created.body.key, alpha.admin, alpha.publisher]) expect(listed).not.toContain(secret);
      for (const key of after.body.data)
        expect(Object.keys(key).sort()).toEqual(['created_at', 'id', 'key_prefix', 'last_used_at', 'name', 'role']);
    });

    it("shows only the calling project's keys", async () => {
      const alphaKeys = (await herald.request('GET', '/v1/api-keys', alpha.admin)).body.data.map((key: { id: string }) => key.id);
      const betaKeys = (await herald.request('GET', '/v1/api-keys', beta.admin)).body.data.map((key: { id: string }) => key.id);
      expect(betaKeys).toHaveLength(2);
      expect(betaKeys.filter((id: string) => alphaKeys.includes(id))).toEqual([]);
    });

    it('refuses a bad name or role, naming the field', async () => {
      const response = await herald.request('POST', '/v1/api-keys', alpha.admin, { name: '', role: 'owner' });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('name must be 1 to 100 characters');
      expect(response.body.message).toContain('role must be admin or publisher');
    });

    it("revokes a key, which stops working at once; another project's key is not found", async () => {
      const created = (await herald.request('POST', '/v1/api-keys', alpha.admin, { name: 'temporary', role: 'publisher' })).body;
      expect((await herald.request('POST', '/v1/events', created.key, { type: 'a.b' })).status).toBe(202);
      const betaKey = (await herald.request('GET', '/v1/api-keys', beta.admin)).body.data[0];
      expect(await herald.request('DELETE', `/v1/api-keys/${betaKey.id}`, alpha.admin)).toMatchObject({
        status: 404,
        body: { message: `API key ${betaKey.id} not found` },
      });
      expect((await herald.request('DELETE', `/v1/api-keys/${created.id}`, alpha.admin)).status).toBe(204);
      expect((await herald.request('POST', '/v1/events', created.key, { type: 'a.b' })).status).toBe(401);
      expect((await herald.request('DELETE', `/v1/api-keys/${created.id}`, alpha.admin)).status).toBe(404);
      expect((await herald.request('GET', '/v1/api-keys', beta.admin)).body.data).toHaveLength(2);
    });

    it('a key revoked on one replica stops working on the others at once, not after their caches expire', async () => {
      const replica = await TestApp.start({}, herald.environment);
      try {
        const created = (await herald.request('POST', '/v1/api-keys', alpha.admin, { name: 'elsewhere', role: 'publisher' })).body;
        // The replica has seen the key work, so it remembers what it stands for.
        expect((await replica.request('POST', '/v1/events', created.key, { type: 'a.b' })).status).toBe(202);
        expect((await herald.request('DELETE', `/v1/api-keys/${created.id}`, alpha.admin)).status).toBe(204);
        await eventually(async () => (await replica.request('POST', '/v1/events', created.key, { type: 'a.b' })).status === 401, {
          timeout: KEY_CACHE_MS / 5,
          what: 'the replica refusing the revoked key',
        });

        // Deleting a project revokes its keys on every replica as well.
        const doomed = await replica.createProject('doomed');
        expect((await replica.request('POST', '/v1/events', doomed.publisher, { type: 'a.b' })).status).toBe(202);
        expect((await herald.request('DELETE', `/v1/projects/${doomed.id}`, ROOT_KEY)).status).toBe(204);
        await eventually(async () => (await replica.request('POST', '/v1/events', doomed.publisher, { type: 'a.b' })).status === 401, {
          timeout: KEY_CACHE_MS / 5,
          what: "the replica refusing the deleted project's key",
        });
      } finally {
        await replica.stop(false);
      }
    });

    it('refuses to revoke the last admin key, with the reason, also when two revocations race', async () => {
      const project = await herald.createProject('keys');
      const [adminKey] = (await herald.request('GET', '/v1/api-keys', project.admin)).body.data.filter(
        (key: { role: string }) => key.role === 'admin',
      );
      const last = await herald.request('DELETE', `/v1/api-keys/${adminKey.id}`, project.admin);
      expect(last).toEqual({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: expect.stringContaining("is the project's last admin key") },
      });
      expect(last.body.message).toContain('create another admin key first');

      const second = (await herald.request('POST', '/v1/api-keys', project.admin, { name: 'second admin', role: 'admin' })).body;
      const race = await Promise.all([
        herald.request('DELETE', `/v1/api-keys/${adminKey.id}`, second.key),
        herald.request('DELETE', `/v1/api-keys/${second.id}`, project.admin),
      ]);
      // One revocation wins. The other is refused as the last admin key (409) or, when the winner
      // removed the very key it was presented with before it was checked, as an unknown key (401).
      const statuses = race.map((response) => response.status).sort();
      expect(statuses[0]).toBe(204);
      expect([401, 409]).toContain(statuses[1]);
      const admins = (await herald.request('GET', '/v1/api-keys', race[0].status === 204 ? second.key : project.admin)).body.data.filter(
        (key: { role: string }) => key.role === 'admin',
      );
      expect(admins).toHaveLength(1);
    });
  });

  describe('the event log (admin)', () => {
    let published: Array<{ id: string; type: string }>;
    let project: Project;

    beforeAll(async () => {
      project = await herald.createProject('log');
      published = [];
      for (const type of ['ticket.created', 'ticket.closed', 'build.failed', 'ticket.created', 'deploy.done']) {
        const response = await herald.request('POST', '/v1/events', project.publisher, { type, data: { n: published.length } });
        published.push({ id: response.body.id, type });
      }
      await herald.request('POST', '/v1/events', beta.publisher, { type: 'ticket.created' });
    });

    const admin = () => project.admin;

    it('lists published events newest first, with their data', async () => {
      const response = await herald.request('GET', '/v1/events', admin());
      expect(response.status).toBe(200);
      expect(response.body.data.map((event: { id: string }) => event.id)).toEqual(published.map((event) => event.id).reverse());
      expect(response.body.data[0]).toMatchObject({ type: 'deploy.done', data: { n: 4 }, source: 'api', received_at: expect.any(String) });
      expect(response.body.next_cursor).toBeNull();
    });

    it('filters by exact type and by prefix wildcard', async () => {
      const exact = await herald.request('GET', '/v1/events?type=ticket.created', admin());
      expect(exact.body.data.map((event: { id: string }) => event.id)).toEqual([published[3]!.id, published[0]!.id]);
      const prefix = await herald.request('GET', '/v1/events?type=ticket.*', admin());
      expect(prefix.body.data.map((event: { type: string }) => event.type)).toEqual(['ticket.created', 'ticket.closed', 'ticket.created']);
    });

    it('pages with limit and next_cursor, each event once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { body: { data: Array<{ id: string }>; next_cursor: string | null } } = await herald.request(
          'GET',
          `/v1/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          admin(),
        );
        seen.push(...page.body.data.map((event) => event.id));
        cursor = page.body.next_cursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual(published.map((event) => event.id).reverse());
      expect(pages).toBe(3);
    });

    it('filters by the time received, since inclusive and until exclusive', async () => {
      const all = (await herald.request('GET', '/v1/events', admin())).body.data as Array<{ id: string; received_at: string }>;
      const third = all.find((event) => event.id === published[2]!.id)!;
      const since = await herald.request('GET', `/v1/events?since=${encodeURIComponent(third.received_at)}`, admin());
      expect(since.body.data.map((event: { id: string }) => event.id)).toEqual(
        all.filter((event) => event.received_at >= third.received_at).map((event) => event.id),
      );
      expect(since.body.data.map((event: { id: string }) => event.id)).toContain(third.id);
      const until = await herald.request('GET', `/v1/events?until=${encodeURIComponent(third.received_at)}`, admin());
      expect(until.body.data.map((event: { id: string }) => event.id)).toEqual(
        all.filter((event) => event.received_at < third.received_at).map((event) => event.id),
      );
      expect(until.body.data.map((event: { id: string }) => event.id)).not.toContain(third.id);
      const future = await herald.request('GET', '/v1/events?since=2999-01-01T00:00:00Z', admin());
      expect(future.body).toEqual({ data: [], next_cursor: null });
    });

    it("never shows another project's events", async () => {
      const response = await herald.request('GET', '/v1/events?type=ticket.created', beta.admin);
      expect(response.body.data).toHaveLength(1);
      expect(published.map((event) => event.id)).not.toContain(response.body.data[0].id);
    });

    it.each([
      ['since=yesterday', 'since must be an ISO 8601 date-time'],
      ['until=2024-13-45', 'until must be an ISO 8601 date-time'],
      ['limit=0', 'limit must be a whole number from 1 to 200'],
      ['limit=500', 'limit must be a whole number from 1 to 200'],
      ['cursor=nope', 'cursor must be the next_cursor of a previous page'],
      ['type=a%20b', 'type must be an event type'],
    ])('refuses %s with a precise 400', async (query, message) => {
      const response = await herald.request('GET', `/v1/events?${query}`, admin());
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(message);
    });
  });
});
