import { describe, expect, it } from '@jest/globals';
import { createMessageContext, DeliveryFailure } from '@herald/channel-sdk';
import { renderSlackBody } from './slack.render.js';
import type { SlackMessage } from './slack.message.js';

const message = createMessageContext(
  {
    id: 'evt_1',
    type: 'build.failed',
    source: 'ci',
    time: '2024-01-15T10:30:00Z',
    subject: 'demo#42',
    data: { project: 'demo', branch: '<main> & "dev"', build: 42 },
  },
  { project: { name: 'Demo & Co' } },
);

const footer = '<!date^1705314600^{date_short_pretty} {time}|2024-01-15T10:30:00Z> · ci';

function render(config: Record<string, unknown>, context = message): SlackMessage {
  return JSON.parse(renderSlackBody(config, context)) as SlackMessage;
}

describe('renderSlackBody', () => {
  it.each<[string, Record<string, unknown>, SlackMessage]>([
    [
      'text, default',
      { msg_type: 'text' },
      { text: `*build.failed: demo#42*\n*project:* demo\n*branch:* &lt;main&gt; &amp; "dev"\n*build:* 42\n${footer}` },
    ],
    [
      "text, template: values escaped, the author's mrkdwn kept",
      { msg_type: 'text', template: '<!here> *${event.type}* on `${data.branch}` for ${project.name}' },
      { text: '<!here> *build.failed* on `&lt;main&gt; &amp; "dev"` for Demo &amp; Co' },
    ],
    [
      'blocks, default',
      {},
      {
        text: `*build.failed: demo#42*\n*project:* demo\n*branch:* &lt;main&gt; &amp; "dev"\n*build:* 42\n${footer}`,
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'build.failed: demo#42', emoji: true } },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: '*project*\ndemo' },
              { type: 'mrkdwn', text: '*branch*\n&lt;main&gt; &amp; "dev"' },
              { type: 'mrkdwn', text: '*build*\n42' },
            ],
          },
          { type: 'context', elements: [{ type: 'mrkdwn', text: footer }] },
        ],
      },
    ],
    [
      'blocks, template as the section',
      { msg_type: 'blocks', template: 'Branch ${data.branch} broke' },
      {
        text: 'Branch &lt;main&gt; &amp; "dev" broke',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'build.failed: demo#42', emoji: true } },
          { type: 'section', text: { type: 'mrkdwn', text: 'Branch &lt;main&gt; &amp; "dev" broke' } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: footer }] },
        ],
      },
    ],
    [
      'customize: values escaped for mrkdwn, then for JSON',
      { msg_type: 'customize', template: '{"text":"${data.branch}","unfurl_links":false}' },
      { text: '&lt;main&gt; &amp; "dev"', unfurl_links: false },
    ],
  ])('%s', (_case, config, expected) => {
    expect(render(config)).toEqual(expected);
  });

  it('leaves out the fields section when the event has no data', () => {
    const bare = createMessageContext({ type: 'deploy.done', time: 'yesterday', data: {} });
    expect(render({ msg_type: 'blocks' }).blocks).toHaveLength(3);
    expect(render({ msg_type: 'blocks' }, bare).blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'deploy.done', emoji: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'yesterday · local' }] },
    ]);
  });

  it('sends the customize body as one JSON value, not the template text', () => {
    const body = renderSlackBody({ msg_type: 'customize', template: '{ "text" : "${event.type}" }' }, message);
    expect(body).toBe('{"text":"build.failed"}');
  });

  it('inserts a value outside a string as JSON, so the body stays valid', () => {
    const config = { msg_type: 'customize' as const, template: '{"text":"x","n":${data.branch}}' };
    expect(JSON.parse(renderSlackBody(config, message))).toMatchObject({ text: 'x', n: expect.any(String) });
  });

  it('fails for good when a customize template does not render valid JSON', () => {
    const config = { msg_type: 'customize' as const, template: '{"text":"x" "n":${data.branch}}' };
    expect(() => renderSlackBody(config, message)).toThrow(DeliveryFailure);
    expect(() => renderSlackBody(config, message)).toThrow('the customize template must render to valid JSON');
  });
});

describe("renderSlackBody keeps to Slack's limits", () => {
  const long = (length: number) =>
    createMessageContext({ type: 't'.repeat(length), time: '2024-01-15T10:30:00Z', data: { text: 'x'.repeat(length) } });

  it.each([
    ['text to 40 000 characters', { msg_type: 'text', template: '${data.text}' }, (body: SlackMessage) => body.text!, 40_000],
    ['header to 150 characters', { msg_type: 'blocks' }, (body: SlackMessage) => body.blocks![0]!.text!.text, 150],
    [
      'section text to 3000 characters',
      { msg_type: 'blocks', template: '${data.text}' },
      (body: SlackMessage) => body.blocks![1]!.text!.text,
      3_000,
    ],
  ])('cuts the %s, ending in a marker', (_case, config, pick, limit) => {
    const value = pick(render(config, long(50_000)));
    expect(value).toHaveLength(limit);
    expect(value.endsWith('…')).toBe(true);
  });

  it('keeps at most 50 blocks and 10 section fields of a customize body', () => {
    const field = { type: 'mrkdwn', text: 'f' };
    const section = { type: 'section', fields: Array.from({ length: 12 }, () => field) };
    const template = JSON.stringify({ blocks: Array.from({ length: 60 }, () => section) });
    const body = render({ msg_type: 'customize', template });
    expect(body.blocks).toHaveLength(50);
    expect(body.blocks![0]!.fields).toHaveLength(10);
  });

  it('never cuts an escaped entity in half', () => {
    const context = createMessageContext({ type: 'x', data: { text: '&'.repeat(20_000) } });
    const text = render({ msg_type: 'text', template: '${data.text}' }, context).text!;
    expect(text).toMatch(/^(&amp;)+…$/);
  });
});
