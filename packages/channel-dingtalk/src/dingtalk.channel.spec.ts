import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMessageContext, fetchTransport, memoryCache, runAction, sendOnce, type DeliveryOutcome } from '@herald/channel-sdk';
import { describeChannelConformance, jsonAnswer } from '@herald/channel-sdk/testing';
import { dingdingGroupChatRobot, dingtalkChannel } from './dingtalk.channel.js';
import { antiAbuseAnswer, dingtalkAnswers, dingtalkAppAnswers, FakeDingTalk } from './testing/index.js';

const secret = `SEC${'5f3a9c'.repeat(10)}d41e`;
const MINUTE = 60_000;

describeChannelConformance(dingtalkChannel, {
  cases: {
    dingding_group_chat_robot: {
      config: {
        service_url: 'https://oapi.dingtalk.com/robot/send?access_token=tok8c1d2e3f4a5b6c7d',
        sign: secret,
        at_mobiles: '13800001111',
      },
      success: jsonAnswer(200, dingtalkAnswers.ok),
      permanent: jsonAnswer(200, dingtalkAnswers.keywordsNotInContent),
    },
    dingtalk_work_notice: {
      config: { app_key: 'dingj5szxfnmcjdp0a1b', app_secret: 'app-secret-Zq81LmN0', agent_id: 2871460001, userid_list: 'manager4220' },
      success: (request) =>
        request.url.includes('/gettoken')
          ? jsonAnswer(200, { errcode: 0, errmsg: 'ok', access_token: 'conformance0access0token', expires_in: 7200 })
          : jsonAnswer(200, { errcode: 0, errmsg: 'ok', task_id: 256271667526, request_id: '4jzllmte0wau' }),
      permanent: (request) =>
        request.url.includes('/gettoken')
          ? jsonAnswer(200, dingtalkAppAnswers.invalidAppKeyOrSecret)
          : jsonAnswer(200, { errcode: 0, errmsg: 'ok' }),
    },
  },
});

const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo', build: 42 } };
let deliveries = 0;

/** One attempt through the action, as the server makes it. */
async function attempt(
  config: Record<string, unknown>,
  options: { deliveryId?: string; attempt?: number; now?: () => number; data?: unknown } = {},
): Promise<DeliveryOutcome> {
  const parsed = dingdingGroupChatRobot.parseConfig(config);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  deliveries += 1;
  return runAction(dingdingGroupChatRobot, {
    config: parsed.config,
    message: createMessageContext({ ...event, data: options.data ?? event.data }),
    delivery: { id: options.deliveryId ?? `dlv_${deliveries}`, attempt: options.attempt ?? 1 },
    transport: fetchTransport(),
    timeoutMs: 2_000,
    cache: memoryCache(),
    now: options.now ?? Date.now,
  });
}

describe('DingTalk channel against the fake robot endpoint', () => {
  const dingtalk = new FakeDingTalk({ secret, keywords: ['build'] });
  const config = () => ({ service_url: dingtalk.webhookUrl(), sign: secret });

  beforeAll(() => dingtalk.start());
  afterAll(() => dingtalk.stop());
  beforeEach(() => dingtalk.reset());

  it('delivers a signed markdown message with mentions DingTalk will show', async () => {
    const outcome = await attempt({ ...config(), at_mobiles: '13800001111', at_user_ids: 'manager1234' });
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200 } });
    const [message] = dingtalk.messages;
    expect(message).toMatchObject({ msgtype: 'markdown', hiddenMentions: [], body: { msgUuid: `dlv_${deliveries}` } });
    expect(message!.body.at).toEqual({ atMobiles: ['13800001111'], atUserIds: ['manager1234'], isAtAll: false });
    expect(outcome.request?.url).not.toContain(secret);
    expect(outcome.request?.url).toMatch(/access_token=\*\*\*&timestamp=\*\*\*&sign=\*\*\*$/);
  });

  it('sends a standalone message with sendOnce', async () => {
    const outcome = await sendOnce(dingtalkChannel, {
      config: { ...config(), msg_type: 'text' },
      event: { type: 'build.passed', data: { build: 43 } },
    });
    expect(outcome.status).toBe('delivered');
    expect(dingtalk.messages[0]?.body.text).toEqual({ content: expect.stringContaining('build.passed') });
  });

  it('sends the same msgUuid on a retry, which DingTalk delivers once', async () => {
    await attempt(config(), { deliveryId: 'dlv_same' });
    const retry = await attempt(config(), { deliveryId: 'dlv_same', attempt: 2 });
    expect(retry.status).toBe('delivered');
    expect(dingtalk.requests).toHaveLength(2);
    expect(dingtalk.messages).toHaveLength(1);
  });

  it('fits a huge event into 20000 bytes, which DingTalk accepts', async () => {
    const outcome = await attempt(
      { ...config(), msg_type: 'text', template: 'build log:\n${data.log}' },
      { data: { log: '磁盘 "full"\n'.repeat(5_000) } },
    );
    expect(outcome.status).toBe('delivered');
    expect(Buffer.byteLength(dingtalk.requests[0]!.body)).toBeLessThanOrEqual(20_000);
    expect(String((dingtalk.messages[0]!.body.text as { content: string }).content)).toMatch(/…\[truncated\]$/);
  });

  it('is refused with 130101 past 20 a minute, and waits out the 10-minute punishment', async () => {
    let now = Date.now();
    const clocked = new FakeDingTalk({ now: () => now });
    await clocked.start();
    try {
      const robot = { service_url: clocked.webhookUrl() };
      for (let count = 0; count < 20; count += 1) expect((await attempt(robot)).status).toBe('delivered');
      expect(await attempt(robot)).toMatchObject({ status: 'retry', retryAfterMs: 10 * MINUTE });
      now += 2 * MINUTE;
      expect(await attempt(robot)).toMatchObject({ status: 'retry', retryAfterMs: 10 * MINUTE });
      now += 8 * MINUTE;
      expect((await attempt(robot)).status).toBe('delivered');
      expect(clocked.messages).toHaveLength(21);
    } finally {
      await clocked.stop();
    }
  });

  it('gives up on a wrong secret after re-signing once', async () => {
    const wrong = { ...config(), sign: `SEC${'0'.repeat(64)}` };
    expect(await attempt(wrong)).toMatchObject({ status: 'retry', reason: expect.stringContaining('sign not match') });
    expect(await attempt(wrong, { attempt: 2 })).toMatchObject({ status: 'failed', reason: expect.stringContaining('加签 secret') });
  });

  it('is refused when the signing clock is more than an hour off', async () => {
    const outcome = await attempt(config(), { attempt: 2, now: () => Date.now() - 61 * MINUTE });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining("this server's clock") });
    expect(dingtalk.messages).toHaveLength(0);
  });

  it('fails when the text carries none of the robot keywords', async () => {
    const outcome = await attempt({ ...config(), msg_type: 'text', template: 'deploy done' });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining("none of the robot's custom keywords") });
  });

  it('marks an unknown access_token as a destination gone', async () => {
    const outcome = await attempt({ ...config(), service_url: dingtalk.webhookUrl('no-such-robot-token') });
    expect(outcome).toMatchObject({ status: 'failed', destinationGone: true, reason: expect.stringContaining('300005') });
  });

  it.each<[string, object, number, Record<string, unknown>]>([
    ['130101 send too fast', dingtalkAnswers.sendTooFast, 1, { status: 'retry', retryAfterMs: 10 * MINUTE }],
    ['the anti-abuse gate', antiAbuseAnswer(5), 1, { status: 'retry', retryAfterMs: 5_000 }],
    [
      '410100, a second-hand throttle code',
      { errcode: 410100, errmsg: 'sending too fast' },
      1,
      { status: 'retry', retryAfterMs: 10 * MINUTE },
    ],
    ['300001 speaking of frequency', { errcode: 300001, errmsg: 'send too fast' }, 1, { status: 'retry', retryAfterMs: 10 * MINUTE }],
    ['-1 busy, early', dingtalkAnswers.systemBusy, 3, { status: 'retry' }],
    ['-1 busy, a fourth time', dingtalkAnswers.systemBusy, 4, { status: 'failed', reason: expect.stringContaining('still busy') }],
    ['310000 keywords', dingtalkAnswers.keywordsNotInContent, 1, { status: 'failed', reason: expect.stringContaining('custom keywords') }],
    ['310000 IP allow-list', dingtalkAnswers.ipNotInWhitelist, 1, { status: 'failed', reason: expect.stringContaining('IP allow-list') }],
    [
      '310000 sign, first attempt',
      dingtalkAnswers.signNotMatchChinese,
      1,
      { status: 'retry', reason: expect.stringContaining('re-signing once') },
    ],
    [
      '310000 sign, later attempt',
      dingtalkAnswers.signNotMatchChinese,
      2,
      { status: 'failed', reason: expect.stringContaining('加签 secret') },
    ],
    ['310000 timestamp', dingtalkAnswers.invalidTimestamp, 2, { status: 'failed', reason: expect.stringContaining('clock') }],
    ['300005 token not exist', dingtalkAnswers.tokenNotExist, 1, { status: 'failed', destinationGone: true }],
    ['300001 token not exist', dingtalkAnswers.tokenNotExistLegacy, 1, { status: 'failed', destinationGone: true }],
    ['400101 token not exist', { errcode: 400101, errmsg: 'access_token不存在' }, 1, { status: 'failed', destinationGone: true }],
    ['400102 robot stopped', dingtalkAnswers.robotStopped, 1, { status: 'failed', destinationGone: true }],
    ['400106 robot not exist', dingtalkAnswers.robotNotExist, 1, { status: 'failed', destinationGone: true }],
    ['400013 group disbanded', dingtalkAnswers.groupDisbanded, 1, { status: 'failed', destinationGone: true }],
    ['460101 too large', dingtalkAnswers.messageTooLong, 1, { status: 'failed', reason: expect.stringContaining('20000 bytes') }],
    ['40035 missing parameter', dingtalkAnswers.missingAccessToken, 1, { status: 'failed', reason: expect.stringContaining('missing') }],
    ['43002 POST required', dingtalkAnswers.postRequired, 1, { status: 'failed', reason: expect.stringContaining('POST') }],
    ['400105 unsupported msgtype', dingtalkAnswers.unsupportedMsgType, 1, { status: 'failed', reason: expect.stringContaining('msgtype') }],
    [
      'an unknown errcode',
      { errcode: 88888, errmsg: 'something new' },
      1,
      { status: 'failed', reason: 'DingTalk errcode 88888: something new' },
    ],
  ])('classifies %s', async (_case, answer, attemptNumber, expected) => {
    dingtalk.refuseNext(answer);
    const outcome = await attempt(config(), { attempt: attemptNumber });
    expect(outcome).toMatchObject(expected);
    // Only a vanished robot, token or group marks the destination gone.
    expect((outcome as { destinationGone?: boolean }).destinationGone ?? false).toBe(expected.destinationGone ?? false);
  });

  it.each([
    [{ status: 502, body: '<html>Bad Gateway</html>' }, { status: 'retry' }],
    [
      { status: 429, headers: { 'retry-after': '3' }, body: 'slow down' },
      { status: 'retry', retryAfterMs: 3_000 },
    ],
    [
      { status: 200, body: '<html>captive portal</html>' },
      { status: 'failed', reason: expect.stringContaining('without an errcode') },
    ],
  ])('classifies the HTTP answer %j', async (answer, expected) => {
    dingtalk.answerNext(answer);
    expect(await attempt(config())).toMatchObject(expected);
  });
});

describe('the fake checks the signature as DingTalk does (PROTOCOL.md, Known-answer vectors)', () => {
  const dingtalk = new FakeDingTalk({ accessToken: 'ACCESS_TOKEN', secret: 'this is secret', now: () => 1599360473000 + 5 * MINUTE });
  const body = JSON.stringify({ msgtype: 'text', text: { content: 'hello' } });
  const post = (query: string) =>
    fetch(`${dingtalk.url}/robot/send?access_token=ACCESS_TOKEN${query}`, { method: 'POST', body }).then((response) => response.json());

  beforeAll(() => dingtalk.start());
  afterAll(() => dingtalk.stop());

  it.each([
    ['encoded once', '&timestamp=1599360473000&sign=hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D', dingtalkAnswers.ok],
    [
      'double-encoded',
      '&timestamp=1599360473000&sign=hXZTWifRGHclNuZSKxoXc%252F%252Fsh51SWfVfRIhcdeKs63I%253D',
      dingtalkAnswers.signNotMatch,
    ],
    ['unsigned', '', dingtalkAnswers.signNotMatch],
    ['two hours old', '&timestamp=1599353273000&sign=x', dingtalkAnswers.invalidTimestamp],
  ])('%s', async (_case, query, expected) => {
    expect(await post(query)).toEqual(expected);
  });
});

describe('the fake checks what DingTalk checks', () => {
  const dingtalk = new FakeDingTalk();
  const post = (body: string, method = 'POST') =>
    fetch(dingtalk.webhookUrl(), { method, ...(method === 'POST' ? { body } : {}) }).then((response) => response.json());

  beforeAll(() => dingtalk.start());
  afterAll(() => dingtalk.stop());

  it.each([
    ['a GET', '', 'GET', dingtalkAnswers.postRequired],
    ['a body that is not JSON', 'hello', 'POST', dingtalkAnswers.missingJson],
    [
      'a body over 20000 bytes',
      JSON.stringify({ msgtype: 'text', text: { content: 'x'.repeat(20_000) } }),
      'POST',
      dingtalkAnswers.messageTooLong,
    ],
    ['an unknown msgtype', JSON.stringify({ msgtype: 'image', image: {} }), 'POST', dingtalkAnswers.unsupportedMsgType],
    [
      'markdown without a title',
      JSON.stringify({ msgtype: 'markdown', markdown: { text: 'x' } }),
      'POST',
      { errcode: 40035, errmsg: '缺少参数 markdown.title' },
    ],
    [
      'a malformed at',
      JSON.stringify({ msgtype: 'text', text: { content: 'x' }, at: { atMobiles: '138' } }),
      'POST',
      { errcode: 40035, errmsg: '缺少参数 at.atMobiles' },
    ],
  ])('refuses %s', async (_case, body, method, expected) => {
    expect(await post(body, method)).toEqual(expected);
  });

  it('records mentions that the text does not show', async () => {
    await post(JSON.stringify({ msgtype: 'text', text: { content: 'hi' }, at: { atMobiles: ['13800001111'] } }));
    expect(dingtalk.messages.at(-1)?.hiddenMentions).toEqual(['13800001111']);
  });
});

describe('destination', () => {
  const destination = (serviceUrl: string) => dingdingGroupChatRobot.destination({ service_url: serviceUrl, msg_type: 'markdown' });

  it('is the robot: the access_token, hashed, whatever the host or extra parameters', () => {
    const robot = destination('https://oapi.dingtalk.com/robot/send?access_token=tok_a1b2c3d4');
    expect(destination('https://oapi.dingtalk.io/robot/send?access_token=tok_a1b2c3d4&x=1')).toBe(robot);
    expect(destination('https://oapi.dingtalk.com/robot/send?access_token=tok_other')).not.toBe(robot);
    expect(robot).not.toContain('tok_a1b2c3d4');
  });

  it('declares DingTalk limits: 20 messages a minute per robot', () => {
    expect(dingdingGroupChatRobot.defaults).toMatchObject({ rateLimits: [{ max: 20, perMs: MINUTE }], timeoutMs: 6_000 });
  });
});
