import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMessageContext, fetchTransport, memoryCache, runAction, sendOnce, type SharedCache } from '@herald/channel-sdk';
import { feishuAppMessage, tenantTokenSource } from './feishu.app-message.js';
import { feishuChannel } from './feishu.channel.js';
import { FakeFeishuApp, feishuAppAnswers } from './testing/index.js';

const users = [
  { open_id: 'ou_0a1b2c3d4e5f', user_id: 'zhangsan', union_id: 'on_9f8e7d6c5b4a', email: 'zhangsan@example.com' },
  { open_id: 'ou_1b2c3d4e5f6a', user_id: 'lisi', email: 'lisi@example.com' },
];
const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo', build: 42 } };

describe('feishu_app_message against the fake Open Platform', () => {
  const feishu = new FakeFeishuApp({ users, chats: ['oc_5ad11d72b830411d72b836c20'] });
  let cache: SharedCache;
  const config = (overrides: Record<string, unknown> = {}) => ({
    app_id: feishu.appId,
    app_secret: feishu.appSecret,
    receive_ids: ['ou_0a1b2c3d4e5f'],
    api_base_url: feishu.url,
    ...overrides,
  });
  const send = (overrides: Record<string, unknown> = {}, deliveryId = 'dlv_1') => {
    const parsed = feishuAppMessage.parseConfig(config(overrides));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return runAction(feishuAppMessage, {
      config: parsed.config,
      message: createMessageContext(event),
      delivery: { id: deliveryId, attempt: 1 },
      transport: fetchTransport(),
      timeoutMs: 2_000,
      cache,
      now: Date.now,
    });
  };

  beforeAll(() => feishu.start());
  afterAll(() => feishu.stop());
  beforeEach(() => {
    feishu.reset();
    cache = memoryCache();
  });

  it('gets a tenant_access_token, sends one text message per receiver, and keeps the token for the next delivery', async () => {
    expect(await send({ receive_ids: ['ou_0a1b2c3d4e5f', 'ou_1b2c3d4e5f6a'] })).toMatchObject({
      status: 'delivered',
      response: { status: 200 },
    });
    expect(await send({}, 'dlv_2')).toMatchObject({ status: 'delivered' });
    expect(feishu.tokenRequestCount).toBe(1);
    expect(feishu.messages.map((message) => [message.receiveIdType, message.receiveId, message.msgType])).toEqual([
      ['open_id', 'ou_0a1b2c3d4e5f', 'text'],
      ['open_id', 'ou_1b2c3d4e5f6a', 'text'],
      ['open_id', 'ou_0a1b2c3d4e5f', 'text'],
    ]);
    expect(feishu.messages[0]!.content).toEqual({ text: 'build.failed\nproject: demo\nbuild: 42\n2024-01-15 10:30:00 UTC · ci' });
  });

  it.each([
    ['user_id', 'zhangsan'],
    ['union_id', 'on_9f8e7d6c5b4a'],
    ['email', 'zhangsan@example.com'],
    ['chat_id', 'oc_5ad11d72b830411d72b836c20'],
  ])('reaches a receiver by %s', async (receiveIdType, receiveId) => {
    expect(await send({ receive_id_type: receiveIdType, receive_ids: [receiveId] })).toMatchObject({ status: 'delivered' });
    expect(feishu.messages[0]).toMatchObject({ receiveIdType, receiveId });
  });

  it('renders post and interactive content in the shapes Feishu takes, with the template', async () => {
    await send({ msg_type: 'post', template: 'Build ${data.build} of ${data.project} failed' });
    await send({ msg_type: 'interactive', template: '**${data.project}** <b>${event.type}</b>' }, 'dlv_2');
    expect(feishu.messages.map((message) => message.content)).toEqual([
      { zh_cn: { title: 'build.failed', content: [[{ tag: 'text', text: 'Build 42 of demo failed' }]] } },
      {
        config: { wide_screen_mode: true },
        header: { title: { tag: 'plain_text', content: 'build.failed' }, template: 'blue' },
        elements: [{ tag: 'div', text: { tag: 'lark_md', content: '**demo** <b>build.failed</b>' } }],
      },
    ]);
  });

  it('cuts a rich text too long for the 30 KB limit, so Feishu takes it', async () => {
    const outcome = await send({ msg_type: 'post', template: '构建失败'.repeat(4_000) });
    expect(outcome.status).toBe('delivered');
    const paragraphs = (feishu.messages[0]!.content as { zh_cn: { content: Array<Array<{ text: string }>> } }).zh_cn.content;
    expect(paragraphs[0]![0]!.text).toMatch(/^构建失败.*…\[truncated\]$/);
  });

  it('when the token expired early (99991663), fetches a fresh one and sends again at once', async () => {
    await send();
    feishu.expireTokens();
    expect(await send({}, 'dlv_2')).toMatchObject({ status: 'delivered' });
    expect(feishu.requests.map((request) => request.url.split('?')[0])).toEqual([
      '/open-apis/auth/v3/tenant_access_token/internal',
      '/open-apis/im/v1/messages',
      '/open-apis/im/v1/messages',
      '/open-apis/auth/v3/tenant_access_token/internal',
      '/open-apis/im/v1/messages',
    ]);
    expect(feishu.messages).toHaveLength(2);
  });

  it('refreshes only once: a fresh token refused too (99991677) is retried later', async () => {
    feishu.failNext('message', feishuAppAnswers.tokenExpired, 2);
    expect(await send()).toMatchObject({ status: 'retry' });
    expect(feishu.tokenRequestCount).toBe(2);
  });

  it('a retry of the same delivery reaches nobody twice: the uuid makes Feishu answer the repeat without sending', async () => {
    feishu.failNext('message', feishuAppAnswers.frequencyLimit);
    const receivers = { receive_ids: ['ou_0a1b2c3d4e5f', 'ou_1b2c3d4e5f6a'] };
    // The first receiver is throttled: the round stops and asks for a retry after the reset header's second.
    expect(await send(receivers)).toMatchObject({ status: 'retry', retryAfterMs: 1_000 });
    expect(await send(receivers)).toMatchObject({ status: 'delivered' });
    expect(await send(receivers)).toMatchObject({ status: 'delivered' });
    expect(feishu.messages.map((message) => message.receiveId)).toEqual(['ou_0a1b2c3d4e5f', 'ou_1b2c3d4e5f6a']);
  });

  it('delivers to the reachable receivers and names the others in a note', async () => {
    const outcome = await send({ receive_ids: ['ou_0a1b2c3d4e5f', 'ou_ffffffffffff'] });
    expect(outcome).toMatchObject({
      status: 'delivered',
      note: expect.stringContaining('ou_ffffffffffff: Feishu refused the message: code 230013'),
    });
    expect(feishu.messages).toHaveLength(1);
  });

  it.each([
    ['a receiver outside the availability range', { receive_ids: ['ou_ffffffffffff'] }, 'code 230013 (the receiver is outside'],
    ['a chat the bot is not in', { receive_id_type: 'chat_id', receive_ids: ['oc_00000000000'] }, 'code 230002'],
    ['a wrong app_secret', { app_secret: 'wrong-secret-12345678' }, 'tenant_access_token request: code 10014 (app_secret is wrong)'],
    ['a wrong app_id', { app_id: 'cli_0000000000000000' }, 'code 10003 (app_id is wrong'],
  ])('fails for good on %s', async (_name, overrides, reason) => {
    const outcome = await send(overrides);
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining(reason) });
    expect(JSON.stringify(outcome)).not.toMatch(/wrong-secret-12345678|fake-app-secret/);
  });

  it.each([
    ['99991400 app throttle (HTTP 429)', feishuAppAnswers.frequencyLimit, { status: 'retry', retryAfterMs: 1_000 }],
    ['230020 receiver throttle', feishuAppAnswers.receiverFrequencyLimit, { status: 'retry', retryAfterMs: 1_000 }],
    ['HTTP 503', { status: 503, body: 'upstream busy' }, { status: 'retry' }],
    ['230006 bot ability off', feishuAppAnswers.botAbilityOff, { status: 'failed', reason: expect.stringContaining('no bot capability') }],
    ['99991672 no permission', feishuAppAnswers.noPermission, { status: 'failed', reason: expect.stringContaining('im:message') }],
  ] as const)('classifies %s', async (_name, answer, expected) => {
    feishu.failNext('message', answer);
    expect(await send()).toMatchObject(expected);
  });

  it('keeps the tenant_access_token out of the stored outcome', async () => {
    await send();
    const token = [...feishu.tokens].find(([, expiresAt]) => expiresAt > Date.now())![0];
    feishu.failNext('message', { status: 400, body: { code: 230001, msg: `invalid request near Bearer ${token}` } });
    const outcome = await send({}, 'dlv_2');
    expect(outcome.status).toBe('failed');
    expect(JSON.stringify(outcome)).not.toContain(token);
    expect(outcome.request?.headers.authorization).toBe('***');
  });

  it('caches the token under the origin, app and a fingerprint of the secret, never the secret', async () => {
    const parsed = feishuAppMessage.parseConfig(config());
    if (!parsed.ok) throw new Error('invalid');
    const key = tenantTokenSource({ config: parsed.config } as never).cacheKey;
    expect(key).toMatch(new RegExp(`^feishu:tenant-access-token:127\\.0\\.0\\.1:\\d+:${feishu.appId}:[0-9a-f]{16}$`));
    await send();
    expect(feishu.tokens.has((await cache.get(key))!)).toBe(true);
  });

  it('works standalone with sendOnce, as the README shows', async () => {
    const outcome = await sendOnce(feishuChannel, {
      action: 'feishu_app_message',
      config: config({ receive_id_type: 'email', receive_ids: ['lisi@example.com'] }),
      event: { type: 'deploy.finished', data: { service: 'api' } },
    });
    expect(outcome).toMatchObject({ status: 'delivered' });
    expect(feishu.messages[0]).toMatchObject({ receiveId: 'lisi@example.com' });
  });
});

describe('the fake Open Platform counts as Feishu does', () => {
  it('refuses a sixth message to one receiver within a second (230020) and calls past the app limit (HTTP 429, 99991400)', async () => {
    const clock = Date.now();
    const feishu = await new FakeFeishuApp({ users, now: () => clock, perAppPerSecond: 7 }).start();
    const cache = memoryCache();
    const send = (receiveId: string, deliveryId: string) => {
      const parsed = feishuAppMessage.parseConfig({
        app_id: feishu.appId,
        app_secret: feishu.appSecret,
        receive_ids: [receiveId],
        api_base_url: feishu.url,
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return runAction(feishuAppMessage, {
        config: parsed.config,
        message: createMessageContext(event),
        delivery: { id: deliveryId, attempt: 1 },
        transport: fetchTransport(),
        timeoutMs: 2_000,
        cache,
        now: Date.now,
      });
    };
    try {
      const outcomes = [];
      for (let n = 1; n <= 6; n += 1) outcomes.push((await send('ou_0a1b2c3d4e5f', `dlv_${n}`)).status);
      expect(outcomes).toEqual(['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'retry']);
      expect(await send('ou_1b2c3d4e5f6a', 'dlv_7')).toMatchObject({ status: 'delivered' });
      expect(await send('ou_1b2c3d4e5f6a', 'dlv_8')).toMatchObject({ status: 'retry', retryAfterMs: 1_000, response: { status: 429 } });
      expect(feishu.messages).toHaveLength(6);
    } finally {
      await feishu.stop();
    }
  });
});

describe('feishu_app_message config', () => {
  const base = { app_id: 'cli_a1b2c3d4e5f6a7b8', app_secret: 'secret-0123', receive_ids: ['ou_0a1b2c3d4e5f'] };
  it.each([
    [{ receive_ids: ['zhangsan'] }, 'receive_ids', 'receive_ids must all be open_id values'],
    [{ receive_id_type: 'chat_id' }, 'receive_ids', 'receive_ids must all be chat_id values'],
    [{ receive_ids: [] }, 'receive_ids', 'at least one receiver'],
    [{ receive_ids: ['ou_a', 'ou_a'] }, 'receive_ids', 'must not repeat'],
    [{ receive_ids: 'ou_0a1b2c3d4e5f' }, 'receive_ids', 'must be an array'],
    [{ receive_id_type: 'mobile' }, 'receive_id_type', 'receive_id_type must be one of open_id, user_id, union_id, email, chat_id'],
    [{ app_id: 'a1b2' }, 'app_id', 'app_id must be the App ID'],
    [{ msg_type: 'customize' }, 'msg_type', 'msg_type must be one of text, post, interactive'],
    [{ api_base_url: 'https://open.larksuite.com?x=1' }, 'api_base_url', 'must not carry a query string'],
  ])('refuses %j with a message on %s', (overrides, field, message) => {
    const parsed = feishuAppMessage.parseConfig({ ...base, ...overrides });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringContaining(message) })]),
    );
  });

  it('marks app_secret write-only in the schema', () => {
    expect(feishuAppMessage.configSchema).toMatchObject({
      properties: { app_secret: { writeOnly: true }, receive_ids: { type: 'array' } },
    });
  });
});
