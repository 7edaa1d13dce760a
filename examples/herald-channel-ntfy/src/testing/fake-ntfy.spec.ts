import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeNtfy } from './fake-ntfy.js';
import { TokenBucket } from './token-bucket.js';

/** The fake must refuse what ntfy refuses, or the channel's tests prove nothing. */
describe('FakeNtfy', () => {
  const token = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';
  const ntfy = new FakeNtfy({ accessToken: token, requestLimit: { burst: 100, refillMs: 1_000 }, messageLimitBytes: 4096 });

  async function publish(
    path: string,
    options: { method?: string; headers?: Record<string, string>; body?: string; auth?: string | null } = {},
  ) {
    const auth: Record<string, string> = options.auth === null ? {} : { authorization: options.auth ?? `Bearer ${token}` };
    const response = await fetch(`${ntfy.url}${path}`, {
      method: options.method ?? 'POST',
      headers: { ...auth, ...options.headers },
      body: options.method === 'GET' ? undefined : (options.body ?? 'hi'),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
  }

  beforeAll(() => ntfy.start());
  afterAll(() => ntfy.stop());
  beforeEach(() => ntfy.reset());

  it('publishes with POST or PUT and answers with the stored message', async () => {
    const answer = await publish('/alerts', {
      headers: { 'X-Title': 'Disk full', p: 'high', ta: 'warning,skull', Click: 'https://x.example/' },
      body: 'sda1 at 99%',
    });
    expect(answer).toMatchObject({
      status: 200,
      json: {
        event: 'message',
        topic: 'alerts',
        title: 'Disk full',
        message: 'sda1 at 99%',
        priority: 4,
        tags: ['warning', 'skull'],
        click: 'https://x.example/',
      },
    });
    expect(answer.json.id).toMatch(/^[\w-]{12}$/);
    expect((await publish('/alerts', { method: 'PUT', body: '' })).json).toMatchObject({ message: 'triggered' });
    expect(ntfy.messages).toHaveLength(2);
  });

  it('decodes RFC 2047 encoded words and leaves out the default priority', async () => {
    const answer = await publish('/alerts', { headers: { Title: '=?UTF-8?B?8J+aqCDDiWNoZWM=?= =?UTF-8?Q?_=C3=A0_Z=C3=BCrich?=' } });
    expect(answer.json).toMatchObject({ title: '🚨 Échec à Zürich' });
    expect(answer.json).not.toHaveProperty('priority');
  });

  it.each([
    ['a path that is no topic', '/alerts/json', {}, 404, 40401],
    ['a topic name over 64 characters', `/${'a'.repeat(65)}`, {}, 404, 40401],
    ['DELETE', '/alerts', { method: 'DELETE' }, 404, 40401],
    ['a reserved topic', '/docs', {}, 400, 40010],
    ['a wrong token', '/alerts', { auth: 'Bearer tk_wrong' }, 401, 40101],
    ['no token on a protected topic', '/alerts', { auth: null }, 403, 40301],
    ['an invalid priority', '/alerts', { headers: { Priority: '6' } }, 400, 40007],
    ['a message of 4097 bytes', '/alerts', { body: `${'a'.repeat(4095)}é` }, 413, 41301],
  ])('refuses %s as ntfy does', async (_name, path, options, status, code) => {
    expect(await publish(path, options)).toMatchObject({ status, json: { code, http: status } });
    expect(ntfy.messages).toHaveLength(0);
  });

  it('serves the web app (200, HTML) for GET of a topic', async () => {
    const answer = await publish('/alerts', { method: 'GET' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<html>');
  });

  it("uses ntfy's visitor limit by default: a burst of 60, answered 429 42901 without Retry-After", async () => {
    const open = await new FakeNtfy().start();
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let index = 0; index < 61; index++) {
        last = await fetch(open.topicUrl('burst'), { method: 'POST', body: `${index}` });
        statuses.push(last.status);
      }
      expect(statuses.filter((status) => status === 200)).toHaveLength(60);
      expect(statuses[60]).toBe(429);
      expect(await last!.json()).toMatchObject({ code: 42901, http: 429, error: 'limit reached: too many requests' });
      expect(last!.headers.get('retry-after')).toBeNull();
    } finally {
      await open.stop();
    }
  });
});

describe('TokenBucket', () => {
  it('allows the burst, then one a refill, never more than the burst', () => {
    const bucket = new TokenBucket(3, 5_000, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect([bucket.take(4_999), bucket.take(5_000), bucket.take(5_001)]).toEqual([false, true, false]);
    expect([1, 2, 3, 4].map(() => bucket.take(1_000_000))).toEqual([true, true, true, false]);
  });
});
