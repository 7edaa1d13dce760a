import { describe, expect, it } from '@jest/globals';
import { createMessageContext, DeliveryFailure } from '@herald/channel-sdk';
import type { DingTalkRobotConfig } from './dingtalk.config.js';
import { MAX_BODY_BYTES, renderBody, TRUNCATION_MARKER } from './dingtalk.render.js';

const serviceUrl = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef';
const message = createMessageContext({
  id: 'evt_1',
  type: 'build.failed',
  source: 'ci',
  time: '2024-01-15T10:30:00Z',
  subject: 'demo #42',
  data: { project: 'demo', build: 42, note: 'disk "full"\nretrying' },
});

function render(config: Partial<DingTalkRobotConfig>, context = message): Record<string, unknown> {
  return JSON.parse(renderBody({ service_url: serviceUrl, msg_type: 'markdown', ...config }, context, 'dlv_1')) as Record<string, unknown>;
}

describe('renderBody', () => {
  it.each<[string, Partial<DingTalkRobotConfig>, Record<string, unknown>]>([
    [
      'text, default rendering',
      { msg_type: 'text' },
      {
        msgtype: 'text',
        text: { content: 'build.failed: demo #42\nproject: demo\nbuild: 42\nnote: disk "full"\nretrying\n2024-01-15 10:30:00 UTC · ci' },
        msgUuid: 'dlv_1',
      },
    ],
    [
      'text, template',
      { msg_type: 'text', template: 'Build ${data.build} of ${data.project} failed' },
      { msgtype: 'text', text: { content: 'Build 42 of demo failed' }, msgUuid: 'dlv_1' },
    ],
    [
      'markdown, default rendering',
      {},
      {
        msgtype: 'markdown',
        markdown: {
          title: 'build.failed: demo #42',
          text: '### build.failed: demo #42\n\n- **project**: demo\n- **build**: 42\n- **note**: disk "full" retrying\n\n> 2024-01-15 10:30:00 UTC · ci',
        },
        msgUuid: 'dlv_1',
      },
    ],
    [
      'markdown, template (the title still comes from the event)',
      { template: '#### ${event.type}\n> ${data.project}' },
      { msgtype: 'markdown', markdown: { title: 'build.failed: demo #42', text: '#### build.failed\n> demo' }, msgUuid: 'dlv_1' },
    ],
    [
      'customize, values JSON-escaped and msgUuid added',
      {
        msg_type: 'customize',
        template:
          '{"msgtype":"link","link":{"title":"${event.type}","text":"${data.note}","messageUrl":"https://ci.example.com/${data.build}"}}',
      },
      {
        msgtype: 'link',
        link: { title: 'build.failed', text: 'disk "full"\nretrying', messageUrl: 'https://ci.example.com/42' },
        msgUuid: 'dlv_1',
      },
    ],
    [
      'customize keeps a msgUuid of its own',
      { msg_type: 'customize', template: '{"msgtype":"text","text":{"content":"x"},"msgUuid":"${event.id}"}' },
      { msgtype: 'text', text: { content: 'x' }, msgUuid: 'evt_1' },
    ],
  ])('%s', (_case, config, expected) => {
    expect(render(config)).toEqual(expected);
  });

  it.each<[Partial<DingTalkRobotConfig>, string, object]>([
    [{ at_mobiles: '13800001111' }, '\n@13800001111', { atMobiles: ['13800001111'], atUserIds: [], isAtAll: false }],
    [
      { at_user_ids: 'manager1234, user42' },
      '\n@manager1234 @user42',
      { atMobiles: [], atUserIds: ['manager1234', 'user42'], isAtAll: false },
    ],
    [
      { at_mobiles: '13800001111,@all', at_user_ids: 'user42' },
      '\n@13800001111 @user42',
      { atMobiles: ['13800001111'], atUserIds: ['user42'], isAtAll: true },
    ],
    [{ at_user_ids: '@all' }, 'Build 42', { atMobiles: [], atUserIds: [], isAtAll: true }],
  ])('text mentions %j: written into the text and into at', (mentions, ending, at) => {
    const body = render({ msg_type: 'text', template: 'Build ${data.build}', ...mentions }) as { text: { content: string }; at: object };
    expect(body.text.content.endsWith(ending)).toBe(true);
    expect(body.at).toEqual(at);
  });

  it('markdown mentions follow the text after a blank line', () => {
    const body = render({ template: '**${event.type}**', at_mobiles: '13800001111' }) as { markdown: { text: string } };
    expect(body.markdown.text).toBe('**build.failed**\n\n@13800001111');
  });

  it.each([
    ['ASCII', 'x'],
    ['three-byte characters', '磁盘告警'],
    ['characters JSON escapes', '"\n\\'],
  ])('cuts %s to fit 20000 bytes, keeping the mentions', (_case, unit) => {
    const big = createMessageContext({ type: 'log.dump', data: { log: unit.repeat(30_000) } });
    const json = renderBody(
      { service_url: serviceUrl, msg_type: 'text', template: '${data.log}', at_mobiles: '13800001111' },
      big,
      'dlv_1',
    );
    const bytes = Buffer.byteLength(json);
    expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(bytes).toBeGreaterThan(MAX_BODY_BYTES - 64);
    expect((JSON.parse(json) as { text: { content: string } }).text.content.endsWith(`${TRUNCATION_MARKER}\n@13800001111`)).toBe(true);
  });

  it('shortens a long markdown title', () => {
    const long = createMessageContext({ type: 'deploy.finished', subject: 'x'.repeat(200) });
    const body = render({}, long) as { markdown: { title: string } };
    expect(body.markdown.title).toHaveLength(64);
  });

  it('refuses, for good, a customize body it cannot make small enough', () => {
    const big = createMessageContext({ type: 'log.dump', data: { log: 'x'.repeat(30_000) } });
    const config = {
      service_url: serviceUrl,
      msg_type: 'customize' as const,
      template: '{"msgtype":"text","text":{"content":"${data.log}"}}',
    };
    expect(() => renderBody(config, big, 'dlv_1')).toThrow(DeliveryFailure);
    expect(() => renderBody(config, big, 'dlv_1')).toThrow('DingTalk accepts at most 20000');
  });
});
