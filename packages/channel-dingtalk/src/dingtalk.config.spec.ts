import { describe, expect, it } from '@jest/globals';
import { dingdingGroupChatRobot } from './dingtalk.channel.js';

const serviceUrl = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef';
const sign = `SEC${'ab12'.repeat(16)}`;

function problems(config: Record<string, unknown>): string {
  const parsed = dingdingGroupChatRobot.parseConfig(config);
  return parsed.ok ? '' : parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}

describe('DingTalk robot config', () => {
  it.each([
    [{}, 'service_url: service_url must be a string'],
    [{ service_url: 'robot' }, 'service_url must be an absolute http(s) URL'],
    [{ service_url: 'https://oapi.dingtalk.com/robot/send' }, 'service_url: service_url must contain an access_token query parameter'],
    [{ service_url: 'https://oapi.dingtalk.com/robot/send?access_token=' }, 'service_url must contain an access_token query parameter'],
    [{ service_url: `${serviceUrl}&timestamp=1599360473000&sign=abc` }, 'service_url must not carry timestamp or sign'],
    [{ service_url: serviceUrl, msg_type: 'image' }, 'msg_type: msg_type must be one of text, markdown, customize'],
    [
      { service_url: serviceUrl, sign: 'my-secret' },
      'sign: sign must be the 加签 secret DingTalk shows for the robot: "SEC" followed by 16 to 256 letters and digits',
    ],
    [
      { service_url: serviceUrl, sign: 'SEC0123456789' },
      'sign: sign must be the 加签 secret DingTalk shows for the robot: "SEC" followed by 16 to 256',
    ],
    [
      { service_url: serviceUrl, at_mobiles: '13800001111;13900002222' },
      'at_mobiles: at_mobiles must be mobile numbers separated by commas',
    ],
    [{ service_url: serviceUrl, at_user_ids: 'alice, bob smith' }, 'at_user_ids: at_user_ids must be user ids separated by commas'],
    [{ service_url: serviceUrl, template: 'hi ${data.x' }, 'template: template unclosed "${" at position 3'],
    [{ service_url: serviceUrl, msg_type: 'customize' }, 'template: template is required when msg_type is customize'],
    [{ service_url: serviceUrl, msg_type: 'customize', template: 'Build ${event.type}' }, 'template must render to JSON'],
    [{ service_url: serviceUrl, msg_type: 'customize', template: '["${event.type}"]' }, 'template must render to a JSON object'],
    [
      { service_url: serviceUrl, msg_type: 'customize', template: '{"text":{"content":"${event.type}"}}' },
      'template must render to a JSON object with a msgtype',
    ],
    [
      { service_url: serviceUrl, msg_type: 'customize', template: '{"msgtype":"image"}' },
      'renders msgtype "image", which a robot webhook cannot send',
    ],
    [
      { service_url: serviceUrl, msg_type: 'customize', template: '{"msgtype":"text","text":{"content":"x"}}', at_mobiles: '13800001111' },
      'at_mobiles: at_mobiles applies to text and markdown',
    ],
    [{ service_url: serviceUrl, access_token: 'abc' }, 'access_token: access_token is not a field of this action'],
  ])('refuses %j: %s', (config, message) => {
    expect(problems(config)).toContain(message);
  });

  it.each([
    [{ service_url: serviceUrl }],
    [{ service_url: 'https://oapi.dingtalk.io/robot/send?access_token=abc', sign, msg_type: 'text' }],
    [{ service_url: 'http://127.0.0.1:9000/dingtalk/robot/send?access_token=abc', at_mobiles: '13800001111, +86-13900002222,@all' }],
    [{ service_url: serviceUrl, at_user_ids: 'manager1234,0123-4567', template: '**${event.type}** ${data.message}' }],
    [
      {
        service_url: serviceUrl,
        msg_type: 'customize',
        template: '{"msgtype":"markdown","markdown":{"title":"${event.type}","text":"${data.message}"}}',
      },
    ],
  ])('accepts %j', (config) => {
    expect(problems(config)).toBe('');
  });

  it('sends markdown when msg_type is left out', () => {
    const parsed = dingdingGroupChatRobot.parseConfig({ service_url: serviceUrl });
    expect(parsed.ok && parsed.config.msg_type).toBe('markdown');
  });

  it('publishes service_url and sign as secret, write-only fields', () => {
    expect(dingdingGroupChatRobot.secretFields).toEqual(['service_url', 'sign']);
    expect(dingdingGroupChatRobot.configSchema).toMatchObject({
      properties: { service_url: { writeOnly: true }, sign: { writeOnly: true }, msg_type: { enum: ['text', 'markdown', 'customize'] } },
    });
  });
});
