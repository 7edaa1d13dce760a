import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sendOnce } from '@herald/channel-sdk';
import { FakeWeCom, WECOM_ANSWERS } from './testing/index.js';
import { wecomChannel } from './wecom.channel.js';

const robotKey = 'robot-key-5f1b2c3d';
const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo', build: 42 } };

describe('group robot against the fake WeCom', () => {
  const wecom = new FakeWeCom({ robotKeys: [robotKey] });
  const send = (config: Record<string, unknown> = {}) =>
    sendOnce(wecomChannel, { action: 'wecom_group_chat_robot', config: { service_url: wecom.robotUrl(), ...config }, event });

  beforeAll(() => wecom.start());
  afterAll(() => wecom.stop());
  beforeEach(() => wecom.reset());

  it('posts the default markdown, which WeCom accepts', async () => {
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200, body: '{"errcode":0,"errmsg":"ok"}' } });
    expect(wecom.robotMessages).toEqual([
      {
        key: robotKey,
        body: {
          msgtype: 'markdown',
          markdown: {
            content: '## build.failed\n> **project**: demo\n> **build**: 42\n<font color="comment">ci · 2024-01-15 10:30:00 UTC</font>',
          },
        },
      },
    ]);
  });

  it('posts text with mentions as UTF-8 JSON', async () => {
    await send({
      msg_type: 'text',
      template: '构建失败：${data.project}#${data.build}',
      mentioned: 'wangqing,@all',
      mentioned_mobile: '13800001111',
    });
    expect(wecom.requests[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(wecom.robotMessages[0]!.body).toEqual({
      msgtype: 'text',
      text: { content: '构建失败：demo#42', mentioned_list: ['wangqing', '@all'], mentioned_mobile_list: ['13800001111'] },
    });
  });

  it("accepts CODING's markdown example with mentions: <@userid> in the markdown, the mobile in a text message right after", async () => {
    const coding = { msg_type: 'markdown', mentioned: 'ZhangSan', mentioned_mobile: '18000000000', template: '测试模板 ${project.name}' };
    expect(wecomChannel.actions[0]!.parseConfig({ service_url: wecom.robotUrl(), ...coding })).toMatchObject({ ok: true });
    const outcome = await send(coding);
    expect(outcome).toMatchObject({ status: 'delivered' });
    expect((outcome as { note?: string }).note).toBeUndefined();
    expect(wecom.robotMessages.map((message) => message.body)).toEqual([
      { msgtype: 'markdown', markdown: { content: '测试模板 local\n<@ZhangSan>' } },
      { msgtype: 'text', text: { content: 'build.failed', mentioned_mobile_list: ['18000000000'] } },
    ]);
  });

  it('sends markdown mentions of @all in the text message too, and no follow-up when markdown carries them all', async () => {
    await send({ msg_type: 'markdown', mentioned: 'wangqing,@all', template: 'deploy' });
    expect(wecom.robotMessages.map((message) => message.body)).toEqual([
      { msgtype: 'markdown', markdown: { content: 'deploy\n<@wangqing>' } },
      { msgtype: 'text', text: { content: 'build.failed', mentioned_list: ['@all'] } },
    ]);
    wecom.reset();
    await send({ msg_type: 'markdown', mentioned: 'wangqing', template: 'deploy' });
    expect(wecom.robotMessages).toHaveLength(1);
  });

  it('reports, without sending the markdown again, when the text message with the mentions is refused', async () => {
    wecom.answerNext({ status: 200, body: WECOM_ANSWERS.ok }).answerNext({ status: 200, body: WECOM_ANSWERS.throttled });
    const outcome = await send({ msg_type: 'markdown', mentioned_mobile: '18000000000' });
    expect(outcome).toMatchObject({
      status: 'delivered',
      note: expect.stringContaining('mentions by mobile or @all did not: WeCom refused'),
    });
    expect(wecom.requests).toHaveLength(2);
  });

  it('posts a customize body exactly as rendered', async () => {
    const template = '{"msgtype":"news","news":{"articles":[{"title":"${event.type}","url":"https://ci.example.com/${data.build}"}]}}';
    const outcome = await send({ msg_type: 'customize', template });
    expect(outcome.status).toBe('delivered');
    expect(wecom.requests[0]!.body).toBe(
      '{"msgtype":"news","news":{"articles":[{"title":"build.failed","url":"https://ci.example.com/42"}]}}',
    );
  });

  it('cuts an over-long text to 2048 bytes, so WeCom accepts it', async () => {
    const outcome = await send({ msg_type: 'text', template: '${data.project}'.repeat(1000) });
    expect(outcome.status).toBe('delivered');
    const content = (wecom.robotMessages[0]!.body.text as { content: string }).content;
    expect(Buffer.byteLength(content)).toBe(2048);
    expect(content.endsWith('…')).toBe(true);
  });

  it('an unknown key is refused with 93000: failed, the destination is gone, the key masked', async () => {
    const outcome = await send({ service_url: wecom.robotUrl('deleted-robot-key-77') });
    expect(outcome).toMatchObject({ status: 'failed', destinationGone: true });
    expect((outcome as { reason: string }).reason).toContain('errcode 93000 (the webhook key is invalid');
    expect(JSON.stringify(outcome)).not.toContain('deleted-robot-key-77');
    expect(outcome.request?.url).toBe(`${wecom.url}/cgi-bin/webhook/send?key=***`);
  });

  it.each([
    ['45009 throttled', WECOM_ANSWERS.throttled, { status: 'retry', retryAfterMs: 60_000 }, 'api freq out of limit'],
    ['45033 concurrency', WECOM_ANSWERS.concurrencyLimit, { status: 'retry' }, 'too many concurrent calls'],
    ['-1 system busy', WECOM_ANSWERS.systemBusy, { status: 'retry' }, 'WeCom is busy'],
    ['40008 message type', WECOM_ANSWERS.invalidMessageType, { status: 'failed' }, 'invalid message type'],
    ['44004 empty content', WECOM_ANSWERS.emptyContent, { status: 'failed' }, 'the content is empty'],
    ['45002 too long', WECOM_ANSWERS.contentTooLong, { status: 'failed' }, 'the content is too long'],
    ['40006 media size', WECOM_ANSWERS.invalidFileSize, { status: 'failed' }, 'invalid media size'],
    ['45001 media size', WECOM_ANSWERS.mediaTooLarge, { status: 'failed' }, 'the media is too large'],
    ['40007 media_id', WECOM_ANSWERS.invalidMediaId, { status: 'failed' }, 'invalid media_id'],
    ['40033 illegal characters', WECOM_ANSWERS.illegalCharacters, { status: 'failed' }, 'illegal characters'],
    ['40035 invalid parameter', WECOM_ANSWERS.invalidParameter, { status: 'failed' }, 'an invalid parameter'],
    ['40063 empty parameter', WECOM_ANSWERS.emptyParameter, { status: 'failed' }, 'a parameter is empty'],
    ['an unknown errcode', { errcode: 12345, errmsg: 'something new' }, { status: 'failed' }, 'errcode 12345: something new'],
    ['HTTP 502 from a gateway', { status: 502, body: '<html>Bad Gateway</html>' }, { status: 'retry' }, 'HTTP 502'],
    ['HTTP 429 with Retry-After', { status: 429, headers: { 'retry-after': '30' } }, { status: 'retry', retryAfterMs: 30_000 }, 'HTTP 429'],
    ['HTTP 200 that is not WeCom', { status: 200, body: '<html>proxy login</html>' }, { status: 'failed' }, 'without an errcode'],
  ])('%s', async (_name, answer, expected, reason) => {
    wecom.failNext('robot', answer);
    const outcome = await send();
    expect(outcome).toMatchObject(expected);
    expect((outcome as { reason: string }).reason).toContain(reason);
    expect(outcome).not.toHaveProperty('destinationGone');
  });
});

describe("the robot's 20 a minute, counted by the fake", () => {
  const wecom = new FakeWeCom({ robotKeys: [robotKey], robotRateLimit: { max: 2, windowMs: 60_000 } });
  beforeAll(() => wecom.start());
  afterAll(() => wecom.stop());

  it('answers 45009 past the limit, which is retried after the one-minute window', async () => {
    const config = { service_url: wecom.robotUrl() };
    const outcomes = [];
    for (let index = 0; index < 3; index += 1)
      outcomes.push(await sendOnce(wecomChannel, { action: 'wecom_group_chat_robot', config, event }));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['delivered', 'delivered', 'retry']);
    expect(outcomes[2]).toMatchObject({
      retryAfterMs: 60_000,
      response: { status: 200, body: '{"errcode":45009,"errmsg":"api freq out of limit"}' },
    });
    expect(wecom.robotMessages).toHaveLength(2);
  });

  it('uses the platform numbers by default', () => {
    expect(wecomChannel.actions.find((action) => action.id === 'wecom_group_chat_robot')!.defaults.rateLimits).toEqual([
      { max: 20, perMs: 60_000 },
    ]);
  });
});
