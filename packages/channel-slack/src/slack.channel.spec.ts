import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigError, sendOnce } from '@herald/channel-sdk';
import { describeChannelConformance, textAnswer } from '@herald/channel-sdk/testing';
import { FakeSlack, type SlackErrorName } from './testing/index.js';
import { interpretSlackAnswer } from './slack.answer.js';
import { slackChannel } from './slack.channel.js';

describeChannelConformance(slackChannel, {
  cases: {
    slack_incoming_webhook: {
      config: { service_url: 'https://hooks.slack.com/services/T0CONF0001/B0CONF0001/conformanceSecretToken1', msg_type: 'blocks' },
      success: textAnswer(200, 'ok'),
      permanent: textAnswer(400, 'invalid_payload'),
    },
  },
});

const event = { id: 'evt_1', type: 'build.failed', source: 'ci', data: { project: 'demo', branch: '<main>' } };

describe('Slack channel against the fake Slack', () => {
  const slack = new FakeSlack();
  let service_url: string;

  beforeAll(() => slack.start());
  afterAll(() => slack.stop());
  beforeEach(() => {
    slack.reset();
    service_url = slack.createWebhook();
  });

  it.each(['text', 'blocks'])('delivers a %s message with sendOnce, which Slack posts', async (msg_type) => {
    const outcome = await sendOnce(slackChannel, { config: { service_url, msg_type }, event });
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200, body: 'ok' } });
    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]!.body.text).toContain('*branch:* &lt;main&gt;');
    expect(slack.requests[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('delivers a customize body exactly as rendered', async () => {
    const template = '{"text":"${event.type}","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*${data.project}*"}}]}';
    const outcome = await sendOnce(slackChannel, { config: { service_url, msg_type: 'customize', template }, event });
    expect(outcome.status).toBe('delivered');
    expect(slack.requests[0]!.body).toBe('{"text":"build.failed","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*demo*"}}]}');
  });

  it.each<[SlackErrorName, string]>([
    ['invalid_payload', 'the body is not a message Slack can read'],
    ['invalid_blocks', 'a block breaks a Block Kit rule'],
    ['no_text', 'neither text nor blocks'],
    ['too_many_attachments', 'more than 100 attachments'],
    ['user_not_found', 'user the webhook posts to does not exist'],
    ['no_service_id', 'not a complete webhook URL'],
    ['action_prohibited', 'admin has restricted posting'],
    ['invalid_token', 'token in service_url is not valid'],
    ['posting_to_general_channel_denied', 'only admins may post to #general'],
  ])('%s fails for good with a readable reason', async (error, reason) => {
    slack.failNext(error);
    const outcome = await sendOnce(slackChannel, { config: { service_url }, event });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining(reason) });
    expect((outcome as { reason: string }).reason).toContain(`(${error})`);
    expect(outcome).not.toHaveProperty('destinationGone');
  });

  it.each<SlackErrorName>(['channel_not_found', 'no_service', 'no_team', 'channel_is_archived', 'team_disabled', 'no_active_hooks'])(
    '%s fails for good and marks the destination gone',
    async (error) => {
      slack.failNext(error);
      const outcome = await sendOnce(slackChannel, { config: { service_url }, event });
      expect(outcome).toMatchObject({ status: 'failed', destinationGone: true, reason: expect.stringContaining(`(${error})`) });
    },
  );

  it('retries a 429 after the Retry-After Slack sent', async () => {
    slack.failNext('rate_limited', 1, 30);
    const outcome = await sendOnce(slackChannel, { config: { service_url }, event });
    expect(outcome).toMatchObject({ status: 'retry', retryAfterMs: 30_000, response: { status: 429 } });
  });

  it('retries rollup_error, Slack-side 500', async () => {
    slack.failNext('rollup_error');
    const outcome = await sendOnce(slackChannel, { config: { service_url }, event });
    expect(outcome).toMatchObject({ status: 'retry', reason: expect.stringContaining('rollup_error'), response: { status: 500 } });
  });

  it('an unknown token in the URL is refused by the fake and fails for good', async () => {
    const wrongToken = service_url.replace(/\/[^/]+$/, '/wrongTokenAbcdefghijklmnop');
    const outcome = await sendOnce(slackChannel, { config: { service_url: wrongToken }, event });
    expect(outcome).toMatchObject({ status: 'failed', response: { status: 403, body: 'invalid_token' } });
  });

  it('a removed webhook marks the destination gone', async () => {
    slack.removeWebhook(service_url);
    const outcome = await sendOnce(slackChannel, { config: { service_url }, event });
    expect(outcome).toMatchObject({ status: 'failed', destinationGone: true, response: { status: 404, body: 'no_service' } });
  });

  it('keeps the webhook token out of the outcome', async () => {
    slack.failNext('channel_not_found');
    const outcome = await sendOnce(slackChannel, { config: { service_url }, event });
    expect(JSON.stringify(outcome)).not.toContain(service_url.split('/').pop());
  });

  it('sendOnce throws ConfigError for a customize config without a template', async () => {
    await expect(sendOnce(slackChannel, { config: { service_url, msg_type: 'customize' }, event })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe("the fake's own rate limit", () => {
  const slack = new FakeSlack({ rateLimit: { max: 1, windowMs: 60_000 } });
  beforeAll(() => slack.start());
  afterAll(() => slack.stop());

  it('throttles a second message inside the window, and the channel retries after it', async () => {
    const service_url = slack.createWebhook();
    expect((await sendOnce(slackChannel, { config: { service_url }, event })).status).toBe('delivered');
    const outcome = await sendOnce(slackChannel, { config: { service_url }, event });
    expect(outcome).toMatchObject({ status: 'retry', retryAfterMs: 60_000, response: { status: 429 } });
    expect(JSON.parse(outcome.response!.body)).toMatchObject({ ok: false, count_minute_ago: 1 });
    expect(slack.messages).toHaveLength(1);
  });
});

describe('interpretSlackAnswer', () => {
  it.each([
    [textAnswer(200, 'ok'), { status: 'delivered' }],
    [textAnswer(200, '<html>proxy</html>'), { status: 'delivered', note: 'expected "ok" from Slack, got: <html>proxy</html>' }],
    [textAnswer(429, '{"ok":false}'), { status: 'retry', retryAfterMs: 1000 }],
    [textAnswer(503, 'Service Unavailable', { 'retry-after': '5' }), { status: 'retry', retryAfterMs: 5000 }],
    [textAnswer(400, 'something_new'), { status: 'failed', reason: 'Slack answered HTTP 400: something_new' }],
    [textAnswer(400, 'constructor'), { status: 'failed', reason: 'Slack answered HTTP 400: constructor' }],
    [textAnswer(404, 'channel_not_found\n'), { status: 'failed', destinationGone: true }],
  ])('reads %j as %j', (response, expected) => {
    expect(interpretSlackAnswer(response)).toMatchObject(expected);
  });
});
