import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigError, sendOnce } from '@herald/channel-sdk';
import { describeChannelConformance, jsonAnswer } from '@herald/channel-sdk/testing';
import { ntfyChannel } from './ntfy.channel.js';
import { FakeNtfy, ntfyAnswers } from './testing/index.js';

describeChannelConformance(ntfyChannel, {
  cases: {
    ntfy_topic_message: {
      config: {
        service_url: 'https://ntfy.sh/herald-conformance-7f3a9c',
        access_token: 'tk_conformance0123456789abcdefg',
        priority: 'high',
      },
      success: jsonAnswer(200, {
        id: 'hwQ2YpKdmg',
        time: 1705314600,
        expires: 1705357800,
        event: 'message',
        topic: 'herald-conformance-7f3a9c',
        message: 'x',
      }),
      permanent: jsonAnswer(400, { code: 40007, http: 400, error: 'invalid priority parameter' }),
    },
  },
});

const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo', build: 42 } };
const token = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';

describe('ntfy channel against the fake ntfy', () => {
  const ntfy = new FakeNtfy({ accessToken: token, requestLimit: { burst: 3, refillMs: 60_000 } });
  const send = (config: Record<string, unknown> = {}, input: Record<string, unknown> = event) =>
    sendOnce(ntfyChannel, {
      config: { service_url: ntfy.topicUrl('alerts'), access_token: token, ...config },
      event: input as typeof event,
    });

  beforeAll(() => ntfy.start());
  afterAll(() => ntfy.stop());
  beforeEach(() => ntfy.reset());

  it('publishes the default rendering with title, priority, tags and the token', async () => {
    const outcome = await send({ priority: 'urgent', tags: 'warning, rotating_light' });
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200 } });
    expect(ntfy.messages).toHaveLength(1);
    expect(ntfy.messages[0]).toMatchObject({
      topic: 'alerts',
      title: 'build.failed',
      message: 'project: demo\nbuild: 42\ntime: 2024-01-15T10:30:00Z',
      priority: 5,
      tags: ['warning', 'rotating_light'],
    });
    expect(JSON.stringify(outcome)).not.toContain(token);
  });

  it('carries a Unicode title, tags and a click URL through the headers intact', async () => {
    const outcome = await send({
      title_template: '🚨 Échec: ${data.project}',
      tags: 'prod,ünïcode',
      click_template: 'https://ci.example.com/${data.build}',
    });
    expect(outcome.status).toBe('delivered');
    expect(ntfy.messages[0]).toMatchObject({
      title: '🚨 Échec: demo',
      tags: ['prod', 'ünïcode'],
      click: 'https://ci.example.com/42',
      priority: 3,
    });
  });

  it('cuts a message over 4096 bytes instead of being refused, and says so', async () => {
    const outcome = await send({ template: '${data.log}' }, { type: 'log.error', data: { log: 'é'.repeat(3000) } });
    expect(outcome).toMatchObject({ status: 'delivered', note: "the message was cut to ntfy's 4096-byte limit" });
    expect(Buffer.byteLength(ntfy.messages[0]!.message)).toBeLessThanOrEqual(4096);
    expect(ntfy.messages[0]!.message.endsWith('é…')).toBe(true);
  });

  it('waits as long as Retry-After says when a proxy sends one', async () => {
    ntfy.answerNext({ ...ntfyAnswers.tooManyRequests(), headers: { 'retry-after': '12' } });
    expect(await send()).toMatchObject({ status: 'retry', retryAfterMs: 12_000, response: { status: 429 } });
  });

  it("waits ntfy's refill time when its own limiter refuses (no Retry-After)", async () => {
    const outcomes = [];
    for (let index = 0; index < 4; index++) outcomes.push(await send());
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['delivered', 'delivered', 'delivered', 'retry']);
    expect(outcomes[3]).toMatchObject({ retryAfterMs: 5_000, reason: expect.stringContaining('limit reached: too many requests (42901)') });
    expect(ntfy.messages).toHaveLength(3);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, RegExp]>([
    [
      'a wrong token (401)',
      { access_token: 'tk_wrong000000000000000000000000' },
      { status: 'failed', response: { status: 401 } },
      /unauthorized \(40101\) — check access_token/,
    ],
    [
      'no token on a protected topic (403)',
      { access_token: undefined },
      { status: 'failed', response: { status: 403 } },
      /forbidden \(40301\) — the topic is protected/,
    ],
  ])('fails for good on %s', async (_name, config, expected, reason) => {
    const outcome = await send(config);
    expect(outcome).toMatchObject(expected);
    expect((outcome as { reason: string }).reason).toMatch(reason);
    expect(outcome).not.toHaveProperty('destinationGone');
  });

  it.each<[string, () => void, Record<string, unknown>, RegExp]>([
    [
      '413',
      () => ntfy.answerNext(ntfyAnswers.tooLarge()),
      { status: 'failed' },
      /too large: attachment too large, or bandwidth limit reached \(41301\)/,
    ],
    [
      '400',
      () => ntfy.answerNext(ntfyAnswers.priorityInvalid()),
      { status: 'failed' },
      /ntfy refused the message: invalid priority parameter \(40007\)/,
    ],
    ['500', () => ntfy.answerNext(ntfyAnswers.internalError()), { status: 'retry' }, /ntfy answered HTTP 500/],
    ['502 from a proxy', () => ntfy.answerNext({ status: 502, body: '<html>Bad Gateway</html>' }), { status: 'retry' }, /HTTP 502/],
    [
      'the daily quota (429 42908)',
      () => ntfy.answerNext(ntfyAnswers.tooManyMessages()),
      { status: 'retry', retryAfterMs: 3_600_000 },
      /too many messages \(42908\)/,
    ],
    [
      '404 (a proxy path in front of ntfy)',
      () => ntfy.answerNext(ntfyAnswers.notFound()),
      { status: 'failed' },
      /page not found \(40401\) — service_url is not a topic URL/,
    ],
    [
      '200 with an HTML page',
      () => ntfy.answerNext(ntfyAnswers.webApp()),
      { status: 'failed', response: { status: 200 } },
      /without a published message .* is service_url an ntfy topic URL/,
    ],
  ])('classifies %s', async (_name, script, expected, reason) => {
    script();
    const outcome = await send();
    expect(outcome).toMatchObject(expected);
    expect((outcome as { reason: string }).reason).toMatch(reason);
  });

  it('retries when nothing answers', async () => {
    const closed = await new FakeNtfy().start();
    const url = closed.topicUrl('alerts');
    await closed.stop();
    expect((await sendOnce(ntfyChannel, { config: { service_url: url }, event })).status).toBe('retry');
  });

  it('sendOnce throws ConfigError listing the problems', async () => {
    await expect(sendOnce(ntfyChannel, { config: { service_url: `${ntfy.url}/` }, event })).rejects.toThrow(ConfigError);
    expect(ntfy.requests).toHaveLength(0);
  });
});
