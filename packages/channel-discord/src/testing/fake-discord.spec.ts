import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeDiscord } from './fake-discord.js';

/** The fake must refuse what Discord refuses, or the channel's tests prove nothing. */
describe('FakeDiscord', () => {
  const discord = new FakeDiscord({ channelLimit: { max: 6, windowMs: 60_000 }, webhookLimit: { max: 100, windowMs: 1000 } });
  const mentions = { allowed_mentions: { parse: [] } };

  async function post(body: unknown, options: { path?: string; query?: string; method?: string; contentType?: string } = {}) {
    const response = await fetch(`${options.path ? `${discord.url}${options.path}` : discord.webhookUrl}${options.query ?? ''}`, {
      method: options.method ?? 'POST',
      headers: { 'content-type': options.contentType ?? 'application/json' },
      body: options.method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  beforeAll(() => discord.start());
  afterAll(() => discord.stop());
  beforeEach(() => discord.reset());

  it('answers 204 without wait and 200 with the saved message with wait=true', async () => {
    expect(await post({ content: 'hi', ...mentions })).toMatchObject({ status: 204 });
    const saved = await post({ content: 'hi', username: 'Herald', ...mentions }, { query: '?wait=true' });
    expect(saved).toMatchObject({
      status: 200,
      body: { content: 'hi', webhook_id: discord.webhookId, author: { username: 'Herald', bot: true } },
    });
    expect(discord.messages.map((message) => message.body.content)).toEqual(['hi', 'hi']);
  });

  it('counts code points: 2000 emoji pass, 2001 letters do not', async () => {
    expect((await post({ content: '😀'.repeat(2000), ...mentions })).status).toBe(204);
    expect(await post({ content: 'a'.repeat(2001), ...mentions })).toEqual({
      status: 400,
      headers: expect.anything(),
      body: {
        message: 'Invalid Form Body',
        code: 50035,
        errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
      },
    });
  });

  it.each([
    ['no allowed_mentions', { content: 'hi' }, 'allowed_mentions'],
    ['a forbidden username', { content: 'hi', username: 'Discord bot', ...mentions }, 'username'],
    ['an empty field value', { embeds: [{ fields: [{ name: 'a', value: ' ' }] }], ...mentions }, 'embeds.0.fields.0.value'],
    ['26 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' })) }], ...mentions }, 'embeds.0.fields'],
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })), ...mentions }, 'embeds'],
    ['a 257-character title', { embeds: [{ title: 't'.repeat(257) }], ...mentions }, 'embeds.0.title'],
    [
      '6001 characters across embeds',
      { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }], ...mentions },
      'embeds',
    ],
    ['an unknown mention type', { content: 'hi', allowed_mentions: { parse: ['here'] } }, 'allowed_mentions.parse'],
  ])('refuses %s with 50035 naming the field', async (_name, body, path) => {
    const answer = await post(body);
    expect(answer).toMatchObject({ status: 400, body: { code: 50035 } });
    const node = path.split('.').reduce((tree: any, key) => tree?.[key], answer.body.errors);
    expect(node?._errors?.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty message', { content: '  ', ...mentions }, {}, 400, 50006],
    ['a body that is not JSON', '{"content":', {}, 400, 50109],
    ['a form body', 'content=hi', { contentType: 'application/x-www-form-urlencoded' }, 400, 50035],
    ['GET', undefined, { method: 'GET' }, 405, 0],
    ['an unknown webhook id', { content: 'hi', ...mentions }, { path: '/api/webhooks/1/tok' }, 404, 10015],
    ['a wrong token', { content: 'hi', ...mentions }, { path: '/api/v10/webhooks/1234567890123456789/wrong' }, 401, 50027],
    ['another route', { content: 'hi', ...mentions }, { path: '/api/channels/1/messages' }, 404, 0],
  ])('answers %s as Discord does', async (_name, body, options, status, code) => {
    expect(await post(body, options)).toMatchObject({ status, body: { code } });
    expect(discord.messages).toHaveLength(0);
  });

  it("throttles the channel's hidden limit with Discord's 429 body and headers", async () => {
    for (let index = 0; index < 6; index++) expect((await post({ content: `${index}`, ...mentions })).status).toBe(204);
    const throttled = await post({ content: 'one too many', ...mentions });
    expect(throttled).toMatchObject({ status: 429, body: { message: 'You are being rate limited.', retry_after: 60, global: false } });
    expect(throttled.headers.get('retry-after')).toBe('60');
    expect(throttled.headers.get('x-ratelimit-scope')).toBe('shared');
    expect(discord.messages).toHaveLength(6);
  });

  it("uses Discord's real limits by default", async () => {
    const real = await new FakeDiscord().start();
    try {
      const statuses = [];
      for (let index = 0; index < 6; index++) {
        const response = await fetch(real.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content: 'x', ...mentions }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([204, 204, 204, 204, 204, 429]);
    } finally {
      await real.stop();
    }
  });
});
