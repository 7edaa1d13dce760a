import { describe, expect, it } from '@jest/globals';
import { createMessageContext, DeliveryFailure } from '@herald/channel-sdk';
import type { FeishuBotConfig } from './feishu.config.js';
import { MAX_BODY_BYTES, renderBody, TRUNCATION_MARKER } from './feishu.render.js';

const serviceUrl = 'https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef';
const NOW = 1_700_000_000_500;
const message = createMessageContext({
  id: 'evt_1',
  type: 'build.failed',
  source: 'ci',
  time: '2024-01-15T10:30:00Z',
  subject: 'demo #42',
  data: { project: 'demo', build: 42, note: 'disk "full"\nretrying' },
});

function render(config: Partial<FeishuBotConfig>, context = message): Record<string, unknown> {
  return JSON.parse(renderBody({ service_url: serviceUrl, msg_type: 'interactive', ...config }, context, NOW)) as Record<string, unknown>;
}

const footer = { tag: 'note', elements: [{ tag: 'plain_text', content: '2024-01-15 10:30:00 UTC · ci' }] };
const header = { title: { tag: 'plain_text', content: 'build.failed: demo #42' }, template: 'red' };
const text = (line: string) => [{ tag: 'text', text: line }];

describe('renderBody', () => {
  it.each<[string, Partial<FeishuBotConfig>, Record<string, unknown>]>([
    [
      'interactive, default rendering: header, key fields as lark_md, time and source in a note',
      {},
      {
        msg_type: 'interactive',
        card: {
          config: { wide_screen_mode: true },
          header,
          elements: [
            { tag: 'div', text: { tag: 'lark_md', content: '**project**: demo\n**build**: 42\n**note**: disk "full" retrying' } },
            footer,
          ],
        },
      },
    ],
    [
      'interactive, template (values shown as text, not tags)',
      { template: '**${event.type}** ${data.html}' },
      {
        msg_type: 'interactive',
        card: {
          config: { wide_screen_mode: true },
          header,
          elements: [{ tag: 'div', text: { tag: 'lark_md', content: '**build.failed** &#60;at id=all&#62;&#60;/at&#62;' } }],
        },
      },
    ],
    [
      'text, default rendering',
      { msg_type: 'text' },
      {
        msg_type: 'text',
        content: { text: 'build.failed: demo #42\nproject: demo\nbuild: 42\nnote: disk "full"\nretrying\n2024-01-15 10:30:00 UTC · ci' },
      },
    ],
    [
      'text, template (event data cannot write an at-tag)',
      { msg_type: 'text', template: 'Build ${data.build} of ${data.project}: ${data.html}' },
      { msg_type: 'text', content: { text: 'Build 42 of demo: <\u200bat id=all><\u200b/at>' } },
    ],
    [
      'post, default rendering: the event in the title, a paragraph per field, then the time',
      { msg_type: 'post' },
      {
        msg_type: 'post',
        content: {
          post: {
            zh_cn: {
              title: 'build.failed: demo #42',
              content: [text('project: demo'), text('build: 42'), text('note: disk "full" retrying'), text('2024-01-15 10:30:00 UTC · ci')],
            },
          },
        },
      },
    ],
    [
      'post, template: a paragraph per line',
      { msg_type: 'post', template: 'Build ${data.build}\nof ${data.project}' },
      { msg_type: 'post', content: { post: { zh_cn: { title: 'build.failed: demo #42', content: [text('Build 42'), text('of demo')] } } } },
    ],
    [
      'customize, values JSON-escaped',
      { msg_type: 'customize', template: '{"msg_type":"text","content":{"text":"${event.type}: ${data.note}"}}' },
      { msg_type: 'text', content: { text: 'build.failed: disk "full"\nretrying' } },
    ],
  ])('%s', (_case, config, expected) => {
    const withHtml = createMessageContext({ ...message.event, data: { ...(message.data as object), html: '<at id=all></at>' } });
    const context = 'template' in config ? withHtml : message;
    expect(render(config, context)).toEqual(expected);
  });

  it.each<[Partial<FeishuBotConfig>, Record<string, unknown>]>([
    [{ msg_type: 'text' }, { timestamp: '1700000000', sign: 'YzH7lVqxIfH+IOmnAFAKmkHdTiPvPcFibui7CXSrYEY=', msg_type: 'text' }],
    [
      { msg_type: 'customize', template: '{"timestamp":"1","sign":"stale","msg_type":"text","content":{"text":"x"}}' },
      { timestamp: '1700000000', sign: 'YzH7lVqxIfH+IOmnAFAKmkHdTiPvPcFibui7CXSrYEY=', msg_type: 'text' },
    ],
  ])('signs %j with top-level timestamp and sign, first in the body', (config, expected) => {
    const json = renderBody({ service_url: serviceUrl, sign: 'qNV3n3XKCb5y9QJ6Nv3ZMb', ...config } as FeishuBotConfig, message, NOW);
    expect(JSON.parse(json)).toMatchObject(expected);
    expect(json.startsWith('{"timestamp":"1700000000","sign":"YzH7lVqxIfH+IOmnAFAKmkHdTiPvPcFibui7CXSrYEY=","msg_type":')).toBe(true);
  });

  it.each<[string, Partial<FeishuBotConfig>, (body: any) => unknown]>([
    ['text', { msg_type: 'text' }, (body) => body.content.text],
    ['post', { msg_type: 'post' }, (body) => body.content.post.zh_cn.content],
    ['interactive', {}, (body) => body.card.elements],
  ])('falls back to the default %s rendering when the template renders blank', (_case, config, pick) => {
    expect(pick(render({ ...config, template: ' ${data.missing} ' }))).toEqual(pick(render(config)));
  });

  it('leaves timestamp and sign out when no secret is set', () => {
    expect(Object.keys(render({ msg_type: 'text' }))).toEqual(['msg_type', 'content']);
  });

  it.each<[string, Partial<FeishuBotConfig>, (body: any) => unknown, unknown]>([
    [
      'text',
      { msg_type: 'text', template: 'hi' },
      (body) => body.content.text,
      'hi\n<at user_id="ou_3f8a1c"></at> <at user_id="all">所有人</at>',
    ],
    [
      'post',
      { msg_type: 'post', template: 'hi' },
      (body) => body.content.post.zh_cn.content,
      [
        text('hi'),
        [
          { tag: 'at', user_id: 'ou_3f8a1c' },
          { tag: 'at', user_id: 'all', user_name: '所有人' },
        ],
      ],
    ],
    [
      'interactive',
      { template: 'hi' },
      (body) => body.card.elements,
      [
        { tag: 'div', text: { tag: 'lark_md', content: 'hi' } },
        { tag: 'div', text: { tag: 'lark_md', content: '<at id=ou_3f8a1c></at> <at id=all></at>' } },
      ],
    ],
  ])('renders mentions as %s at-tags', (_case, config, pick, expected) => {
    expect(pick(render({ ...config, mentions: 'ou_3f8a1c, all,ou_3f8a1c' }))).toEqual(expected);
  });

  it.each<[string, Partial<FeishuBotConfig>, string]>([
    ['ASCII text', { msg_type: 'text' }, 'x'],
    ['three-byte characters in a post', { msg_type: 'post' }, '磁盘告警'],
    ['characters JSON escapes in a card', { msg_type: 'interactive' }, '"\n\\'],
  ])('cuts %s to fit 20 KB, keeping the mentions', (_case, config, unit) => {
    const big = createMessageContext({ type: 'log.dump', data: { log: unit.repeat(30_000) } });
    const json = renderBody(
      { service_url: serviceUrl, template: '${data.log}', mentions: 'ou_3f8a1c', ...config } as FeishuBotConfig,
      big,
      NOW,
    );
    const bytes = Buffer.byteLength(json);
    expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(bytes).toBeGreaterThan(MAX_BODY_BYTES - 64);
    expect(json).toContain(`${JSON.stringify(TRUNCATION_MARKER).slice(1, -1)}`);
    expect(json).toMatch(/ou_3f8a1c/);
  });

  it.each([
    ['fail', 'deploy.failed', 'red'],
    ['warning', 'disk.warning', 'orange'],
    ['success', 'build.succeeded', 'green'],
    ['anything else', 'user.signed_up', 'blue'],
  ])('colours a %s card', (_case, type, colour) => {
    const card = render({}, createMessageContext({ type })).card as { header: { template: string } };
    expect(card.header.template).toBe(colour);
  });

  it('refuses, for good, a customize body it cannot make small enough', () => {
    const big = createMessageContext({ type: 'log.dump', data: { log: 'x'.repeat(30_000) } });
    const config = {
      service_url: serviceUrl,
      msg_type: 'customize' as const,
      template: '{"msg_type":"text","content":{"text":"${data.log}"}}',
    };
    expect(() => renderBody(config, big, NOW)).toThrow(DeliveryFailure);
    expect(() => renderBody(config, big, NOW)).toThrow('Feishu accepts at most 20 KB');
  });
});
