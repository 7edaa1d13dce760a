import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { memoryCache, runAction, createMessageContext, fetchTransport, sendOnce, type DeliveryOutcome } from '@herald/channel-sdk';
import { describeChannelConformance, jsonAnswer, textAnswer } from '@herald/channel-sdk/testing';
import { interpretDiscordAnswer } from './discord.answer.js';
import { discordChannel, discordWebhook } from './discord.channel.js';
import { discordAnswers, FakeDiscord } from './testing/index.js';

describeChannelConformance(discordChannel, {
  cases: {
    discord_webhook: {
      config: { service_url: 'https://discord.com/api/webhooks/1234567890/conformance-token-4f9a8b7c', username: 'Herald' },
      success: jsonAnswer(200, { id: '1300000000000000000', type: 0, content: '', embeds: [], webhook_id: '1234567890' }),
      permanent: jsonAnswer(404, { message: 'Unknown Webhook', code: 10015 }),
    },
  },
});

const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo', build: 42 } };

describe('Discord channel against the fake Discord', () => {
  const discord = new FakeDiscord({ webhookLimit: { max: 3, windowMs: 1_500 } });
  const send = (config: Record<string, unknown> = {}) =>
    sendOnce(discordChannel, { config: { service_url: discord.webhookUrl, ...config }, event });

  beforeAll(() => discord.start());
  afterAll(() => discord.stop());
  beforeEach(() => discord.reset());

  it('sendOnce delivers an embed, asking Discord to wait for the saved message', async () => {
    const outcome = await send({ username: 'Herald' });
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200 } });
    expect(discord.messages).toHaveLength(1);
    expect(discord.messages[0]!.body).toMatchObject({
      username: 'Herald',
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: 'build.failed',
          fields: [
            { name: 'project', value: 'demo' },
            { name: 'build', value: '42' },
          ],
          footer: { text: 'ci' },
        },
      ],
    });
    expect(new URL(discord.messages[0]!.request.url, discord.url).searchParams.get('wait')).toBe('true');
    expect(outcome.request?.url).not.toContain(discord.webhookToken);
  });

  it('keeps thread_id and posts text with mentions switched off', async () => {
    const outcome = await send({
      service_url: `${discord.webhookUrl}?thread_id=777`,
      msg_type: 'text',
      template: '@everyone ${data.project} broke',
    });
    expect(outcome.status).toBe('delivered');
    expect(discord.messages[0]).toMatchObject({
      threadId: '777',
      body: { content: '@everyone demo broke', allowed_mentions: { parse: [] } },
    });
  });

  it("fits an oversized event into Discord's limits instead of being refused", async () => {
    const huge = {
      type: 'log.error',
      data: Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`line${index}`, 'x'.repeat(900)])),
    };
    const embed = await sendOnce(discordChannel, { config: { service_url: discord.webhookUrl }, event: huge });
    const text = await sendOnce(discordChannel, { config: { service_url: discord.webhookUrl, msg_type: 'text' }, event: huge });
    expect([embed.status, text.status]).toEqual(['delivered', 'delivered']);
    expect(discord.messages.map((message) => message.body.content?.length ?? 0)).toEqual([0, 2000]);
  });

  it.each<[string, () => void, Partial<DeliveryOutcome> & Record<string, unknown>, RegExp]>([
    [
      'a deleted webhook (404 10015)',
      () => discord.deleteWebhook(),
      { status: 'failed', destinationGone: true },
      /Unknown Webhook \(10015\).*deleted/,
    ],
    [
      'an empty message (400 50006)',
      () => discord.answerNext(discordAnswers.emptyMessage()),
      { status: 'failed' },
      /Cannot send an empty message \(50006\)/,
    ],
    [
      'missing permissions (403 50013)',
      () => discord.answerNext(discordAnswers.missingPermissions()),
      { status: 'failed' },
      /Missing Permissions \(50013\)/,
    ],
    [
      'a wrong method (405)',
      () => discord.answerNext(discordAnswers.methodNotAllowed()),
      { status: 'failed' },
      /405: Method Not Allowed.*does not point at a webhook/,
    ],
    [
      'a body too large (413 40005)',
      () => discord.answerNext(discordAnswers.entityTooLarge()),
      { status: 'failed' },
      /Request entity too large \(40005\)/,
    ],
    ['a gateway outage (502)', () => discord.answerNext(discordAnswers.gatewayUnavailable()), { status: 'retry' }, /HTTP 502/],
  ])('classifies %s', async (_name, script, expected, reason) => {
    script();
    const outcome = await send();
    expect(outcome).toMatchObject(expected);
    expect((outcome as { reason: string }).reason).toMatch(reason);
  });

  it('fails for good, destination gone, when the token is wrong (401 50027)', async () => {
    const outcome = await send({ service_url: discord.webhookUrl.replace(discord.webhookToken, 'wrong-token-123456') });
    expect(outcome).toMatchObject({ status: 'failed', destinationGone: true, response: { status: 401 } });
    expect((outcome as { reason: string }).reason).toContain('Invalid Webhook Token (50027)');
  });

  it('fails without marking the webhook gone when the path is no webhook route (404 0)', async () => {
    const outcome = await send({ service_url: `${discord.url}/api/hooks/nothing` });
    expect(outcome).toMatchObject({ status: 'failed', response: { status: 404 } });
    expect(outcome).not.toHaveProperty('destinationGone');
  });

  it("includes Discord's field errors when it refuses the form body (400 50035)", async () => {
    const template = '{"embeds":[{"title":"${event.type}","timestamp":"yesterday","color":"red"}]}';
    const outcome = await send({ msg_type: 'customize', template });
    expect(outcome).toMatchObject({ status: 'failed', response: { status: 400 } });
    expect((outcome as { reason: string }).reason).toBe(
      'Discord refused the message: Invalid Form Body (50035): embeds.0.timestamp: Could not parse yesterday. Should be ISO8601.; ' +
        'embeds.0.color: Int value should be less than or equal to 16777215.',
    );
  });

  it("retries after the webhook's window when the fake's real rate limit is hit", async () => {
    const outcomes = [];
    for (let index = 0; index < 4; index++) outcomes.push(await send());
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['delivered', 'delivered', 'delivered', 'retry']);
    // Retry-After says 2 (whole seconds), retry_after 1.5: the longer wins.
    expect(outcomes[3]).toMatchObject({ retryAfterMs: 2000, response: { status: 429 } });
    expect((outcomes[3] as { reason: string }).reason).toBe('Discord throttled this webhook; retry after 2 s');
  });

  it.each<[string, Parameters<typeof discordAnswers.rateLimited>, number, string]>([
    ['a fractional body wait above the header', [2.25], 3000, 'this webhook'],
    ['a global limit', [0.4, { global: true }], 1000, 'every request from this server (global limit)'],
    ["the channel's shared limit", [41.7, { scope: 'shared' }], 42000, "the webhook's channel"],
  ])('honours %s', async (_name, [seconds, options], retryAfterMs, scope) => {
    discord.answerNext(discordAnswers.rateLimited(seconds, options));
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'retry', retryAfterMs });
    expect((outcome as { reason: string }).reason).toContain(`Discord throttled ${scope}`);
  });

  it('refuses locally, without a request, a template that renders to nothing', async () => {
    const outcome = await send({ msg_type: 'customize', template: '{"content":"${data.message}"}' });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('Herald did not send it') });
    expect(discord.requests).toHaveLength(0);
  });

  it('delivers through runAction, as the core runs it', async () => {
    const parsed = discordWebhook.parseConfig({ service_url: discord.webhookUrl, msg_type: 'text' });
    if (!parsed.ok) throw new Error('config refused');
    const context = {
      config: parsed.config,
      message: createMessageContext(event),
      delivery: { id: 'dlv_1', attempt: 2 },
      transport: fetchTransport(),
      timeoutMs: 2000,
      cache: memoryCache(),
      now: Date.now,
    };
    expect((await runAction(discordWebhook, context)).status).toBe('delivered');
  });
});

describe('interpretDiscordAnswer', () => {
  it.each([
    [textAnswer(204, ''), { status: 'delivered' }],
    [jsonAnswer(200, { id: '1' }), { status: 'delivered' }],
    [textAnswer(429, 'error code: 1015', { 'x-ratelimit-reset-after': '12.5' }), { status: 'retry', retryAfterMs: 12500 }],
    [textAnswer(429, '<html>Cloudflare</html>'), { status: 'retry', retryAfterMs: 2000 }],
    [textAnswer(503, 'upstream connect error'), { status: 'retry' }],
    [textAnswer(401, 'Unauthorized'), { status: 'failed', destinationGone: true }],
    [jsonAnswer(404, { message: 'Unknown Channel', code: 10003 }), { status: 'failed', destinationGone: false }],
    [textAnswer(302, '', { location: 'https://example.com' }), { status: 'failed' }],
  ])('%j → %j', (answer, expected) => {
    expect({ destinationGone: false, ...interpretDiscordAnswer(answer) }).toMatchObject(expected);
  });
});
