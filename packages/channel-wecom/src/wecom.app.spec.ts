import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMessageContext, fetchTransport, memoryCache, runAction, sendOnce, type SharedCache } from '@herald/channel-sdk';
import { FakeWeCom, WECOM_ANSWERS } from './testing/index.js';
import { wecomAppMessage, wecomChannel } from './wecom.channel.js';
import { tokenCacheKey, tokenCacheTtlMs } from './wecom.token.js';

const app = {
  corpId: 'ww0123456789abcdef',
  agentId: 1000002,
  secret: 'app-secret-9a8b7c6d',
  users: ['zhangsan', 'lisi', 'wangwu'],
  unlicensedUsers: ['wangwu'],
};
const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo' } };

describe('application message against the fake WeCom', () => {
  const wecom = new FakeWeCom({ app });
  let cache: SharedCache;
  const config = (overrides: Record<string, unknown> = {}) => ({
    corp_id: app.corpId,
    agent_id: app.agentId,
    secret: app.secret,
    to_users: 'zhangsan|lisi',
    api_base_url: wecom.url,
    ...overrides,
  });
  const send = (overrides: Record<string, unknown> = {}) =>
    sendOnce(wecomChannel, { action: 'wecom_app_message', config: config(overrides), event, cache });
  const tokenInUse = async () => (await cache.get(tokenCacheKey({ corp_id: app.corpId, agent_id: app.agentId, secret: app.secret })))!;

  beforeAll(() => wecom.start());
  afterAll(() => wecom.stop());
  beforeEach(() => {
    wecom.reset();
    cache = memoryCache();
  });

  it('fetches a token, sends, and keeps the token for the next message', async () => {
    expect(await send()).toMatchObject({ status: 'delivered', response: { status: 200 } });
    expect(await send({ msg_type: 'markdown', template: '**${event.type}**' })).toMatchObject({ status: 'delivered' });
    expect(wecom.tokenRequestCount).toBe(1);
    expect(wecom.appMessages.map((message) => message.body)).toEqual([
      {
        touser: 'zhangsan|lisi',
        msgtype: 'text',
        agentid: 1000002,
        text: { content: 'build.failed\nproject: demo\nci · 2024-01-15 10:30:00 UTC' },
      },
      { touser: 'zhangsan|lisi', msgtype: 'markdown', agentid: 1000002, markdown: { content: '**build.failed**' } },
    ]);
  });

  it('caches the token under corp, agent and a hash of the secret, never the secret', async () => {
    await send();
    const key = tokenCacheKey({ corp_id: app.corpId, agent_id: app.agentId, secret: app.secret });
    expect(key).toMatch(/^wecom:access-token:ww0123456789abcdef:1000002:[0-9a-f]{16}$/);
    expect(key).not.toContain(app.secret);
    expect(wecom.tokens.has((await cache.get(key))!)).toBe(true);
  });

  it('when WeCom expires the token early (42001), fetches a fresh one and sends again at once', async () => {
    await send();
    wecom.expireTokens();
    const outcome = await send();
    expect(outcome.status).toBe('delivered');
    expect(wecom.requests.map((request) => request.url.split('?')[0])).toEqual([
      '/cgi-bin/gettoken',
      '/cgi-bin/message/send',
      '/cgi-bin/message/send',
      '/cgi-bin/gettoken',
      '/cgi-bin/message/send',
    ]);
    expect(wecom.appMessages).toHaveLength(2);
  });

  it.each([
    ['40014 invalid', WECOM_ANSWERS.tokenInvalid],
    ['41001 missing', WECOM_ANSWERS.tokenMissing],
  ])('refreshes once on %s token, and retries later when the fresh one is refused too', async (_name, answer) => {
    wecom.failNext('message', answer, 2);
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'retry' });
    expect(wecom.tokenRequestCount).toBe(2);
    expect(wecom.appMessages).toHaveLength(0);
  });

  it('never lets the access token into the outcome', async () => {
    await send();
    const token = await tokenInUse();
    expect(token).toMatch(/^fake-token-/);
    wecom.failNext('message', { errcode: 40035, errmsg: `invalid parameter near access_token=${token}` });
    const outcome = await send();
    expect(outcome.status).toBe('failed');
    expect(JSON.stringify(outcome)).not.toContain(token);
    expect(outcome.request?.url).toBe(`${wecom.url}/cgi-bin/message/send?access_token=***`);
  });

  it('delivers with a note when some recipients are invalid or unlicensed', async () => {
    const outcome = await send({ to_users: 'zhangsan|ghost|wangwu' });
    expect(outcome).toMatchObject({
      status: 'delivered',
      note: 'WeCom did not deliver to some recipients: invaliduser ghost; unlicenseduser wangwu',
    });
    expect(wecom.appMessages[0]!.deliveredTo).toEqual(['zhangsan']);
  });

  it('fails with 81013 when no recipient is valid', async () => {
    const outcome = await send({ to_users: 'ghost|phantom' });
    expect(outcome).toMatchObject({ status: 'failed' });
    expect((outcome as { reason: string }).reason).toContain(
      'errcode 81013 (none of to_users, to_parties or to_tags can receive messages from this application)',
    );
  });

  it.each([
    [
      'a wrong secret (40091)',
      { secret: 'wrong-secret-1234' },
      'WeCom refused the access token request: errcode 40091 (the secret is wrong)',
    ],
    ['a wrong corp_id (40013)', { corp_id: 'ww9999' }, 'WeCom refused the access token request: errcode 40013 (the corp_id is wrong)'],
    ['a wrong agent_id (40056)', { agent_id: 1000003 }, 'WeCom refused the message: errcode 40056 (the agent_id is wrong)'],
  ])('%s', async (_name, overrides, reason) => {
    const outcome = await send(overrides);
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining(reason) });
    expect(JSON.stringify(outcome)).not.toContain('wrong-secret-1234');
  });

  it('cuts an over-long markdown to 2048 bytes, so WeCom accepts it', async () => {
    expect(await send({ msg_type: 'markdown', template: '${event.type}'.repeat(200) })).toMatchObject({ status: 'delivered' });
    expect(Buffer.byteLength((wecom.appMessages[0]!.body.markdown as { content: string }).content)).toBe(2048);
  });

  it.each([
    ['message', '45009 throttled', WECOM_ANSWERS.throttled, { status: 'retry', retryAfterMs: 60_000 }],
    ['message', '45033 concurrency', WECOM_ANSWERS.concurrencyLimit, { status: 'retry' }],
    ['message', '-1 system busy', WECOM_ANSWERS.systemBusy, { status: 'retry' }],
    [
      'message',
      '40001 secret',
      WECOM_ANSWERS.invalidCredential,
      { status: 'failed', reason: expect.stringContaining('the secret is wrong') },
    ],
    [
      'message',
      '60020 IP not trusted',
      WECOM_ANSWERS.ipNotTrusted,
      { status: 'failed', reason: expect.stringContaining("IP address is not among the application's trusted IPs") },
    ],
    [
      'message',
      '48002 no permission',
      WECOM_ANSWERS.noPermission,
      { status: 'failed', reason: expect.stringContaining('may not call this API') },
    ],
    [
      'message',
      '50003 app disabled',
      WECOM_ANSWERS.applicationDisabled,
      { status: 'failed', reason: expect.stringContaining('the application is disabled') },
    ],
    ['gettoken', '45009 throttled', WECOM_ANSWERS.throttled, { status: 'retry', retryAfterMs: 60_000 }],
    ['gettoken', '-1 system busy', WECOM_ANSWERS.systemBusy, { status: 'retry' }],
    [
      'gettoken',
      '60020 IP not trusted',
      WECOM_ANSWERS.ipNotTrusted,
      { status: 'failed', reason: expect.stringContaining('access token request: errcode 60020') },
    ],
    ['gettoken', 'HTTP 503', { status: 503, body: 'busy' }, { status: 'retry' }],
  ] as const)('%s answering %s', async (route, _name, answer, expected) => {
    wecom.failNext(route, answer);
    expect(await send()).toMatchObject(expected);
  });
});

describe('token lifetime in the shared cache', () => {
  it.each([
    [7200, 6900_000],
    [600, 300_000],
    [60, 30_000],
  ])('expires_in %i s is kept %i ms', (expiresIn, ttl) => {
    expect(tokenCacheTtlMs(expiresIn)).toBe(ttl);
  });

  it('is fetched again once the kept lifetime has passed', async () => {
    const wecom = await new FakeWeCom({ app }).start();
    let clock = Date.now();
    const cache = memoryCache(() => clock);
    const parsed = wecomAppMessage.parseConfig({
      corp_id: app.corpId,
      agent_id: app.agentId,
      secret: app.secret,
      to_users: 'lisi',
      api_base_url: `${wecom.url}/`,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const attempt = () =>
      runAction(wecomAppMessage, {
        config: parsed.config,
        message: createMessageContext(event),
        delivery: { id: 'dlv_1', attempt: 1 },
        transport: fetchTransport(),
        timeoutMs: 2000,
        cache,
        now: () => clock,
      });
    try {
      await attempt();
      clock += tokenCacheTtlMs(7200) - 1000;
      await attempt();
      expect(wecom.tokenRequestCount).toBe(1);
      clock += 2000;
      expect(await attempt()).toMatchObject({ status: 'delivered' });
      expect(wecom.tokenRequestCount).toBe(2);
    } finally {
      await wecom.stop();
    }
  });
});
