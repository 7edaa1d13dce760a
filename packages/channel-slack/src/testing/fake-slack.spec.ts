import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from './fake-slack.js';

/** What the fake refuses, posted directly so nothing in the channel smooths it over. */
describe('FakeSlack checks bodies as Slack does', () => {
  const slack = new FakeSlack({ rateLimit: { max: 1000, windowMs: 1000 } });
  let webhook: string;
  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(webhook, { method: 'POST', headers: { 'content-type': contentType }, body });
    return [response.status, await response.text()];
  };
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

  beforeAll(() => slack.start());
  afterAll(() => slack.stop());
  beforeEach(() => {
    slack.reset();
    webhook = slack.createWebhook();
  });

  it.each([
    ['not JSON', 'text=hi', [400, 'invalid_payload'], 'application/json'],
    ['a form body', 'payload=%7B%22text%22%3A%22hi%22%7D', [400, 'invalid_payload'], 'application/x-www-form-urlencoded'],
    ['no text or blocks', '{"username":"x"}', [400, 'no_text'], 'application/json'],
    ['empty text', '{"text":""}', [400, 'no_text'], 'application/json'],
    [
      '101 attachments',
      JSON.stringify({ attachments: Array.from({ length: 101 }, () => ({ text: 'a' })) }),
      [400, 'too_many_attachments'],
      'application/json',
    ],
    ['an unknown block type', '{"blocks":[{"type":"banner"}]}', [400, 'invalid_blocks'], 'application/json'],
    ['51 blocks', JSON.stringify({ blocks: Array.from({ length: 51 }, () => section('x')) }), [400, 'invalid_blocks'], 'application/json'],
    ['a 3001-character section', JSON.stringify({ blocks: [section('x'.repeat(3001))] }), [400, 'invalid_blocks'], 'application/json'],
    ['a mrkdwn header', '{"blocks":[{"type":"header","text":{"type":"mrkdwn","text":"h"}}]}', [400, 'invalid_blocks'], 'application/json'],
    [
      'a 151-character header',
      JSON.stringify({ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] }),
      [400, 'invalid_blocks'],
      'application/json',
    ],
    [
      '11 section fields',
      JSON.stringify({ blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }] }),
      [400, 'invalid_blocks'],
      'application/json',
    ],
    ['text over 40 000 characters', JSON.stringify({ text: 'x'.repeat(40_001) }), [400, 'invalid_payload'], 'application/json'],
    ['a plain text', '{"text":"hi"}', [200, 'ok'], 'application/json'],
    ['blocks without text', JSON.stringify({ blocks: [section('hi')] }), [200, 'ok'], 'application/json'],
  ])('%s → %j', async (_case, body, expected, contentType) => {
    expect(await post(body, contentType)).toEqual(expected);
    expect(slack.messages).toHaveLength(expected[0] === 200 ? 1 : 0);
  });

  it('answers unknown webhook URLs by the first part it cannot match', async () => {
    const { origin, pathname } = new URL(webhook);
    const [, , team, bot] = pathname.split('/');
    const status = async (path: string) => {
      const response = await fetch(`${origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"hi"}',
      });
      return [response.status, await response.text()];
    };
    expect(await status('/services/T0NOPE/B0NOPE/abc')).toEqual([404, 'no_team']);
    expect(await status(`/services/${team}/B0NOPE/abc`)).toEqual([404, 'no_service']);
    expect(await status(`/services/${team}/${bot}/abc`)).toEqual([403, 'invalid_token']);
    expect(await status('/hooks')).toEqual([404, 'no_service']);
  });

  it('answers scripted errors for the next requests only', async () => {
    slack.failNext('channel_is_archived', 2);
    expect(await post('{"text":"1"}')).toEqual([410, 'channel_is_archived']);
    expect(await post('{"text":"2"}')).toEqual([410, 'channel_is_archived']);
    expect(await post('{"text":"3"}')).toEqual([200, 'ok']);
    expect(slack.messages.map((message) => message.body.text)).toEqual(['3']);
  });

  it("limits each webhook to Slack's one message a second unless told otherwise", () => {
    expect(new FakeSlack().rateLimit).toEqual({ max: 1, windowMs: 1000 });
    expect(slack.rateLimit).toEqual({ max: 1000, windowMs: 1000 });
  });

  it('answers 429 with Retry-After over the limit, counting each webhook apart', async () => {
    const strict = await new FakeSlack({ rateLimit: { max: 1, windowMs: 60_000 } }).start();
    try {
      const send = (hook: string) =>
        fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
      const hook = strict.createWebhook();
      expect((await send(hook)).status).toBe(200);
      const throttled = await send(hook);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('60');
      expect((await send(strict.createWebhook())).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });
});
