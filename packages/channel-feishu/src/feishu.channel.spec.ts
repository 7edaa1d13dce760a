import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMessageContext, fetchTransport, memoryCache, runAction, sendOnce, type DeliveryOutcome } from '@herald/channel-sdk';
import type { FakeAnswer } from '@herald/channel-sdk/fakes';
import { describeChannelConformance, jsonAnswer } from '@herald/channel-sdk/testing';
import { feishuChannel, feishuGroupChatRobot } from './feishu.channel.js';
import { FakeFeishu, feishuAnswers, feishuAppAnswers } from './testing/index.js';

const secret = 'qNV3n3XKCb5y9QJ6Nv3ZMb';
const SECOND = 1_000;
const MINUTE = 60_000;

describeChannelConformance(feishuChannel, {
  cases: {
    feishu_group_chat_robot: {
      config: {
        service_url: 'https://open.feishu.cn/open-apis/bot/v2/hook/8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f',
        sign: secret,
        mentions: 'ou_3f8a1c',
      },
      success: jsonAnswer(200, feishuAnswers.ok.body),
      permanent: jsonAnswer(200, feishuAnswers.keyWordsNotFound.body),
    },
    feishu_app_message: {
      config: { app_id: 'cli_a1b2c3d4e5f6a7b8', app_secret: 'app-secret-Zq81LmN0', receive_ids: ['ou_7d8a6e6df7621556ce0d21922b676706'] },
      success: (request) =>
        request.url.includes('/auth/v3/')
          ? jsonAnswer(200, { code: 0, msg: 'ok', tenant_access_token: 't-conformance0token', expire: 7200 })
          : jsonAnswer(200, { code: 0, msg: 'success', data: { message_id: 'om_conformance' } }),
      permanent: (request) =>
        request.url.includes('/auth/v3/')
          ? jsonAnswer(400, feishuAppAnswers.appSecretInvalid.body)
          : jsonAnswer(200, { code: 0, msg: 'success', data: {} }),
    },
  },
});

const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo', build: 42 } };

/** One attempt through the action, as the server makes it. */
async function attempt(
  config: Record<string, unknown>,
  options: { attempt?: number; now?: () => number; data?: unknown } = {},
): Promise<DeliveryOutcome> {
  const parsed = feishuGroupChatRobot.parseConfig(config);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return runAction(feishuGroupChatRobot, {
    config: parsed.config,
    message: createMessageContext({ ...event, data: options.data ?? event.data }),
    delivery: { id: 'dlv_1', attempt: options.attempt ?? 1 },
    transport: fetchTransport(),
    timeoutMs: 2_000,
    cache: memoryCache(),
    now: options.now ?? Date.now,
  });
}

describe('Feishu channel against the fake bot hook', () => {
  const feishu = new FakeFeishu({ secret, keywords: ['build'] });
  const config = () => ({ service_url: feishu.webhookUrl(), sign: secret });

  beforeAll(() => feishu.start());
  afterAll(() => feishu.stop());
  beforeEach(() => feishu.reset());

  it.each(['interactive', 'text', 'post'])('delivers a signed %s message with mentions, which the fake accepts', async (msgType) => {
    const outcome = await attempt({ ...config(), msg_type: msgType, mentions: 'ou_3f8a1c,all' });
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200 } });
    const [message] = feishu.messages;
    expect(message).toMatchObject({ msgType, body: { timestamp: expect.stringMatching(/^\d{10}$/), sign: expect.any(String) } });
    expect(JSON.stringify(message!.body)).toContain('ou_3f8a1c');
    expect(JSON.stringify(outcome)).not.toContain(secret);
  });

  it('delivers a customize body, signed', async () => {
    const template = '{"msg_type":"text","content":{"text":"${event.type} in ${data.project}"}}';
    expect((await attempt({ ...config(), msg_type: 'customize', template })).status).toBe('delivered');
    expect(feishu.messages[0]!.body).toMatchObject({ msg_type: 'text', content: { text: 'build.failed in demo' } });
  });

  it('sends a standalone message with sendOnce', async () => {
    const outcome = await sendOnce(feishuChannel, {
      config: { ...config(), msg_type: 'text' },
      event: { type: 'build.passed', data: { build: 43 } },
    });
    expect(outcome.status).toBe('delivered');
    expect(feishu.messages[0]?.body.content).toEqual({ text: expect.stringContaining('build.passed') });
  });

  it('fits a huge event into 20 KB, which Feishu accepts', async () => {
    const outcome = await attempt(
      { ...config(), msg_type: 'post', template: 'build log:\n${data.log}' },
      { data: { log: '磁盘 "full"\n'.repeat(5_000) } },
    );
    expect(outcome.status).toBe('delivered');
    expect(Buffer.byteLength(feishu.requests[0]!.body)).toBeLessThanOrEqual(20_000);
    expect(JSON.stringify(feishu.messages[0]!.body)).toContain('…[truncated]');
  });

  it('marks an invalid hook token as a destination gone', async () => {
    const outcome = await attempt({ ...config(), service_url: feishu.webhookUrl('no-such-bot-token') });
    expect(outcome).toMatchObject({ status: 'failed', destinationGone: true, reason: expect.stringContaining('19001') });
  });

  it('gives up on a wrong secret after re-signing once', async () => {
    const wrong = { ...config(), sign: 'wrongSecret0123456789' };
    expect(await attempt(wrong)).toMatchObject({ status: 'retry', reason: expect.stringContaining('re-signing once') });
    expect(await attempt(wrong, { attempt: 2 })).toMatchObject({ status: 'failed', reason: expect.stringContaining("this bot's secret") });
    expect(feishu.messages).toHaveLength(0);
  });

  it('fails when the bot checks signatures and no secret is configured', async () => {
    const outcome = await attempt({ service_url: feishu.webhookUrl() });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('put its secret in sign') });
  });

  it('is refused when the signing clock is more than an hour off', async () => {
    const outcome = await attempt(config(), { attempt: 2, now: () => Date.now() - 61 * MINUTE });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining("this server's clock") });
    expect(feishu.messages).toHaveLength(0);
  });

  it("fails when the message carries none of the bot's keywords", async () => {
    const outcome = await attempt({ ...config(), msg_type: 'text', template: 'deploy done' });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining("one of the bot's custom keywords") });
  });

  it.each<[string, FakeAnswer, number, Record<string, unknown>]>([
    ['11232 frequency limited, first attempt', feishuAnswers.frequencyLimited, 1, { status: 'retry', retryAfterMs: SECOND }],
    ['11232 frequency limited, later attempt', feishuAnswers.frequencyLimited, 3, { status: 'retry', retryAfterMs: MINUTE }],
    ['9499 too many request (HTTP 400)', feishuAnswers.tooManyRequest, 1, { status: 'retry', retryAfterMs: SECOND }],
    ['19021 sign, first attempt', feishuAnswers.signMatchFail, 1, { status: 'retry', reason: expect.stringContaining('re-signing once') }],
    ['19021 sign, later attempt', feishuAnswers.signMatchFail, 2, { status: 'failed', reason: expect.stringContaining('clock') }],
    ['19001 token invalid', feishuAnswers.tokenInvalid, 1, { status: 'failed', destinationGone: true }],
    ['19022 IP not allowed', feishuAnswers.ipNotAllowed, 1, { status: 'failed', reason: expect.stringContaining('IP allow-list') }],
    [
      '19024 keywords',
      feishuAnswers.keyWordsNotFound,
      1,
      { status: 'failed', reason: expect.stringContaining("must contain one of the bot's custom keywords") },
    ],
    [
      '9499 Bad Request',
      feishuAnswers.badRequest,
      1,
      { status: 'failed', reason: expect.stringContaining('malformed message, or one over 20 KB') },
    ],
    [
      '9499 fail to parse content',
      feishuAnswers.failToParseContent,
      1,
      { status: 'failed', reason: expect.stringContaining('fail to parse content') },
    ],
    ['19036 too large', feishuAnswers.sizeLimit, 1, { status: 'failed', reason: expect.stringContaining('larger than Feishu accepts') }],
    [
      'an unknown code',
      { status: 200, body: { code: 99999, msg: 'something new' } },
      1,
      { status: 'failed', reason: 'Feishu code 99999: something new' },
    ],
    ['legacy StatusCode success', { status: 200, body: { StatusCode: 0, StatusMessage: 'success' } }, 1, { status: 'delivered' }],
    [
      'legacy StatusCode refusal',
      { status: 200, body: { StatusCode: 19024, StatusMessage: 'Key Words Not Found' } },
      1,
      { status: 'failed', reason: expect.stringContaining('19024') },
    ],
    [
      'HTTP 429 with x-ogw-ratelimit-reset',
      { status: 429, headers: { 'x-ogw-ratelimit-reset': '3' }, body: { code: 99991400, msg: 'request trigger frequency limit' } },
      1,
      { status: 'retry', retryAfterMs: 3_000 },
    ],
    [
      'HTTP 429 with Retry-After',
      { status: 429, headers: { 'retry-after': '5' }, body: 'slow down' },
      1,
      { status: 'retry', retryAfterMs: 5_000 },
    ],
    ['HTTP 502 gateway page', { status: 502, body: '<html>Bad Gateway</html>' }, 1, { status: 'retry' }],
    [
      'HTTP 200 without a code',
      { status: 200, body: '<html>captive portal</html>' },
      1,
      { status: 'failed', reason: expect.stringContaining('without a code') },
    ],
    ['HTTP 404 page', { status: 404, body: '404 page not found' }, 1, { status: 'failed', reason: expect.stringContaining('HTTP 404') }],
  ])('classifies %s', async (_case, answer, attemptNumber, expected) => {
    feishu.answerNext(answer);
    const outcome = await attempt(config(), { attempt: attemptNumber });
    expect(outcome).toMatchObject(expected);
    // Only a vanished bot marks the destination gone.
    expect((outcome as { destinationGone?: boolean }).destinationGone ?? false).toBe(expected.destinationGone ?? false);
  });
});

describe('the fake enforces both rate windows per bot', () => {
  let now = Date.now();
  const feishu = new FakeFeishu({ now: () => now });
  const bot = () => ({ service_url: feishu.webhookUrl(), msg_type: 'text' });

  beforeAll(() => feishu.start());
  afterAll(() => feishu.stop());
  beforeEach(() => feishu.reset());

  it('takes 5 a second, then answers 11232 until the second has passed', async () => {
    for (let count = 0; count < 5; count += 1) expect((await attempt(bot())).status).toBe('delivered');
    expect(await attempt(bot())).toMatchObject({ status: 'retry', retryAfterMs: SECOND, reason: expect.stringContaining('11232') });
    now += SECOND;
    expect((await attempt(bot())).status).toBe('delivered');
    expect(feishu.messages).toHaveLength(6);
  });

  it('takes 100 a minute, then answers 11232 until the minute has passed', async () => {
    const start = now;
    for (let count = 0; count < 100; count += 1) {
      expect((await attempt(bot())).status).toBe('delivered');
      now += 250;
    }
    expect(await attempt(bot(), { attempt: 2 })).toMatchObject({ status: 'retry', retryAfterMs: MINUTE });
    now = start + MINUTE;
    expect((await attempt(bot())).status).toBe('delivered');
    expect(feishu.messages).toHaveLength(101);
  });
});

describe('the fake checks what Feishu checks (PROTOCOL.md, Facts)', () => {
  const feishu = new FakeFeishu({ token: 'TOKEN', secret: 'demo', now: () => 1599360473000 + 5 * MINUTE });
  const post = async (body: unknown, path = '/open-apis/bot/v2/hook/TOKEN') => {
    const response = await fetch(`${feishu.url}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, body: await response.text() };
  };
  const signed = { timestamp: '1599360473', sign: 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=' };
  const card = { elements: [{ tag: 'div', text: { tag: 'lark_md', content: 'hi' } }] };
  const answer = (expected: FakeAnswer) => ({ status: expected.status, body: JSON.stringify(expected.body) });

  beforeAll(() => feishu.start());
  afterAll(() => feishu.stop());

  it.each<[string, unknown, FakeAnswer]>([
    ['the official signed example (vector 1)', { ...signed, msg_type: 'text', content: { text: 'request example' } }, feishuAnswers.ok],
    ['a numeric timestamp', { ...signed, timestamp: 1599360473, msg_type: 'text', content: { text: 'x' } }, feishuAnswers.ok],
    ['a card in a top-level card object', { ...signed, msg_type: 'interactive', card }, feishuAnswers.ok],
    [
      'the DingTalk-style signature (vector 3)',
      { ...signed, sign: 'DkEDUyVoOOJ539qBvUgMyzkzIdRWlf4e/V3Rq+ONJnQ=', msg_type: 'text', content: { text: 'x' } },
      feishuAnswers.signMatchFail,
    ],
    ['no signature', { msg_type: 'text', content: { text: 'x' } }, feishuAnswers.signMatchFail],
    [
      'a signature two hours old',
      { timestamp: '1599353273', sign: 'x', msg_type: 'text', content: { text: 'x' } },
      feishuAnswers.signMatchFail,
    ],
    ['content as a JSON string', { ...signed, msg_type: 'text', content: '{"text":"x"}' }, feishuAnswers.badRequest],
    ['a card in content', { ...signed, msg_type: 'interactive', content: card }, feishuAnswers.badRequest],
    [
      'a post element without its fields',
      { ...signed, msg_type: 'post', content: { post: { zh_cn: { content: [[{ tag: 'a', text: 'x' }]] } } } },
      feishuAnswers.badRequest,
    ],
    ['an unknown msg_type', { ...signed, msg_type: 'markdown', content: { text: 'x' } }, feishuAnswers.badRequest],
    ['a body that is not JSON', 'msg_type=text', feishuAnswers.badRequest],
    ['a body over 20 KB', { ...signed, msg_type: 'text', content: { text: 'x'.repeat(20 * 1024) } }, feishuAnswers.badRequest],
  ])('%s', async (_case, body, expected) => {
    expect(await post(body)).toEqual(answer(expected));
  });

  it('answers 19001 for an unknown token and 404 off the hook path', async () => {
    const body = { ...signed, msg_type: 'text', content: { text: 'x' } };
    expect(await post(body, '/open-apis/bot/v2/hook/OTHER')).toEqual(answer(feishuAnswers.tokenInvalid));
    expect((await post(body, '/open-apis/bot/v2/TOKEN')).status).toBe(404);
  });
});
