import { describe, expect, it } from '@jest/globals';
import { createMessageContext, DeliveryFailure } from '@herald/channel-sdk';
import type { WeComAppConfig, WeComRobotConfig } from './wecom.config.js';
import { displayTime, renderAppBody, renderRobotBody } from './wecom.render.js';

const message = createMessageContext({
  id: 'evt_1',
  type: 'build.failed',
  source: 'ci',
  time: '2024-01-15T10:30:00Z',
  subject: 'demo #42',
  data: { project: 'demo', status: 'failed', note: 'say "hi"' },
});
/** Ten fields of 300 characters, 900 bytes each: every default rendering goes over its limit. */
const longMessage = createMessageContext({
  type: 'alert.raised',
  time: '2024-01-15T10:30:00Z',
  data: Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`detail${index}`, '告警'.repeat(150)])),
});
const robotUrl = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot-key';
const robot = (config: Partial<WeComRobotConfig>) => ({ service_url: robotUrl, msg_type: 'markdown', ...config }) as WeComRobotConfig;
const app = (config: Partial<WeComAppConfig>) =>
  ({ corp_id: 'ww1', agent_id: 1000002, secret: 's', to_users: 'zhangsan|lisi', msg_type: 'text', ...config }) as WeComAppConfig;

const defaultMarkdown =
  '## build.failed: demo #42\n> **project**: demo\n> **status**: failed\n> **note**: say "hi"\n<font color="comment">ci · 2024-01-15 10:30:00 UTC</font>';
const defaultText = 'build.failed: demo #42\nproject: demo\nstatus: failed\nnote: say "hi"\nci · 2024-01-15 10:30:00 UTC';

describe('renderRobotBody', () => {
  it.each([
    ['markdown, default rendering', robot({}), { msgtype: 'markdown', markdown: { content: defaultMarkdown } }],
    ['text, default rendering', robot({ msg_type: 'text' }), { msgtype: 'text', text: { content: defaultText } }],
    [
      'text with mentions',
      robot({ msg_type: 'text', template: '${data.project} ${data.status}', mentioned: 'zhangsan, @all', mentioned_mobile: '13800001111' }),
      { msgtype: 'text', text: { content: 'demo failed', mentioned_list: ['zhangsan', '@all'], mentioned_mobile_list: ['13800001111'] } },
    ],
    [
      'markdown template',
      robot({ template: '**${event.type}** <@zhangsan>' }),
      { msgtype: 'markdown', markdown: { content: '**build.failed** <@zhangsan>' } },
    ],
    [
      'customize, values JSON-escaped',
      robot({
        msg_type: 'customize',
        template: '{"msgtype":"news","news":{"articles":[{"title":"${data.note}","url":"https://ci.example.com/${data.project}"}]}}',
      }),
      { msgtype: 'news', news: { articles: [{ title: 'say "hi"', url: 'https://ci.example.com/demo' }] } },
    ],
  ])('%s', (_name, config, expected) => {
    expect(JSON.parse(renderRobotBody(config, message))).toEqual(expected);
  });

  it('sends a customize body exactly as rendered when it fits', () => {
    const template = '{ "msgtype": "text", "text": { "content": "${event.type}" } }';
    expect(renderRobotBody(robot({ msg_type: 'customize', template }), message)).toBe(
      '{ "msgtype": "text", "text": { "content": "build.failed" } }',
    );
  });

  it('refuses, for good, a customize template that no longer renders to a robot body', () => {
    const render = () => renderRobotBody(robot({ msg_type: 'customize', template: '{"msgtype":"sticker","sticker":{}}' }), message);
    expect(render).toThrow(DeliveryFailure);
    expect(render).toThrow(
      'the customize template renders msgtype "sticker", which a group robot cannot send (text, markdown, markdown_v2, image',
    );
  });
});

describe('renderAppBody', () => {
  it.each([
    ['text, default rendering', app({}), { touser: 'zhangsan|lisi', msgtype: 'text', agentid: 1000002, text: { content: defaultText } }],
    [
      'markdown template',
      app({ msg_type: 'markdown', template: '**${event.type}**' }),
      { touser: 'zhangsan|lisi', msgtype: 'markdown', agentid: 1000002, markdown: { content: '**build.failed**' } },
    ],
  ])('%s', (_name, config, expected) => {
    expect(JSON.parse(renderAppBody(config, message))).toEqual(expected);
  });
});

describe('byte limits: content is cut on a character boundary with a marker', () => {
  it.each([
    ['robot text', () => renderRobotBody(robot({ msg_type: 'text' }), longMessage), 'text', 2048],
    ['robot markdown', () => renderRobotBody(robot({}), longMessage), 'markdown', 4096],
    [
      'robot customize markdown',
      () =>
        renderRobotBody(
          robot({
            msg_type: 'customize',
            template:
              '{"msgtype":"markdown","markdown":{"content":"${data.detail0}${data.detail1}${data.detail2}${data.detail3}${data.detail4}"}}',
          }),
          longMessage,
        ),
      'markdown',
      4096,
    ],
    ['application text', () => renderAppBody(app({}), longMessage), 'text', 2048],
    ['application markdown', () => renderAppBody(app({ msg_type: 'markdown' }), longMessage), 'markdown', 2048],
  ])('%s stays within its limit', (_name, render, msgType, maxBytes) => {
    const content = (JSON.parse(render()) as Record<string, { content: string }>)[msgType]!.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(maxBytes);
    expect(Buffer.byteLength(content)).toBeGreaterThan(maxBytes - 6);
    expect(content.endsWith('告…') || content.endsWith('警…')).toBe(true);
  });
});

describe('displayTime', () => {
  it.each([
    ['2024-01-15T10:30:00Z', '2024-01-15 10:30:00 UTC'],
    ['2024-01-15T18:30:00+08:00', '2024-01-15 10:30:00 UTC'],
    ['yesterday', 'yesterday'],
  ])('%s → %s', (time, expected) => {
    expect(displayTime(time)).toBe(expected);
  });
});
