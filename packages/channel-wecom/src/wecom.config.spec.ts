import { describe, expect, it } from '@jest/globals';
import { wecomAppMessage, wecomGroupChatRobot } from './wecom.channel.js';

const robotUrl = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx';
const app = { corp_id: 'ww0123456789abcdef', agent_id: 1000002, secret: 'app-secret-123', to_users: 'zhangsan|lisi' };

function messages(action: typeof wecomGroupChatRobot | typeof wecomAppMessage, config: object): string {
  const parsed = action.parseConfig(config);
  return parsed.ok ? '' : parsed.issues.map((issue) => issue.message).join('; ');
}

describe('wecom_group_chat_robot config', () => {
  it.each([
    ['service_url must be a string', {}],
    ['service_url must contain a key query parameter', { service_url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' }],
    ['service_url must use http or https, not ftp', { service_url: 'ftp://qyapi.weixin.qq.com/?key=1' }],
    ['msg_type must be one of text, markdown, customize', { service_url: robotUrl, msg_type: 'image' }],
    ['mentioned must be user ids separated by commas', { service_url: robotUrl, msg_type: 'text', mentioned: 'zhangsan,,lisi' }],
    [
      'mentioned_mobile must be mobile numbers separated by commas',
      { service_url: robotUrl, msg_type: 'text', mentioned_mobile: '138-abc' },
    ],
    [
      'mentioned applies to text and markdown; with customize, write mentioned_list or <@userid> into the template',
      { service_url: robotUrl, msg_type: 'customize', template: '{"msgtype":"text","text":{"content":"x"}}', mentioned: 'zhangsan' },
    ],
    ['template is required when msg_type is customize', { service_url: robotUrl, msg_type: 'customize' }],
    [
      'template must render to JSON',
      { service_url: robotUrl, msg_type: 'customize', template: '{"msgtype":"text","text":{"content":"${event.type}"}' },
    ],
    [
      'template must render to a JSON object with a msgtype, such as {"msgtype":"text"',
      { service_url: robotUrl, msg_type: 'customize', template: '{"text":{"content":"x"}}' },
    ],
    [
      'template must carry a "text" JSON object for msgtype text',
      { service_url: robotUrl, msg_type: 'customize', template: '{"msgtype":"text","content":"x"}' },
    ],
    ['template unclosed "${" at position 3', { service_url: robotUrl, template: 'hi ${data.x' }],
    ['webhook is not a field of this action', { service_url: robotUrl, webhook: 'x' }],
  ])('refuses with "%s"', (message, config) => {
    expect(messages(wecomGroupChatRobot, config)).toContain(message);
  });

  it.each([
    [{ service_url: robotUrl }],
    [
      {
        service_url: 'http://wecom-proxy.internal:8080/robot/send?key=k1',
        msg_type: 'text',
        mentioned: '@all',
        mentioned_mobile: '+8613800001111,@all',
      },
    ],
    [
      {
        service_url: robotUrl,
        msg_type: 'customize',
        template: '{"msgtype":"markdown","markdown":{"content":"**${event.type}** ${data.message}"}}',
      },
    ],
  ])('accepts %j', (config) => {
    expect(messages(wecomGroupChatRobot, config)).toBe('');
  });

  it('defaults msg_type to markdown', () => {
    const parsed = wecomGroupChatRobot.parseConfig({ service_url: robotUrl });
    expect(parsed.ok && parsed.config.msg_type).toBe('markdown');
  });
});

describe('wecom_app_message config', () => {
  it.each([
    ['corp_id must be the corp ID (企业ID)', {}],
    ['agent_id must be an integer: the AgentId of the application', { ...app, agent_id: '1000002' }],
    ['agent_id must be a positive integer', { ...app, agent_id: 0 }],
    ['secret must not be empty', { ...app, secret: '' }],
    ['to_users must be user ids separated by | (not commas or spaces)', { ...app, to_users: 'zhangsan, lisi' }],
    ['to_users must be user ids separated by | (not commas or spaces)', { ...app, to_users: 'zhangsan,lisi' }],
    ['to_users must be user ids separated by | (not commas or spaces)', { ...app, to_users: 'zhangsan，lisi' }],
    ['to_parties must be department ids (digits) separated by | (not commas)', { ...app, to_parties: '1,2' }],
    ['to_tags must be tag ids (digits) separated by | (not commas)', { ...app, to_tags: '1,2' }],
    ['to_users must list at most 1000 user ids', { ...app, to_users: Array.from({ length: 1001 }, (_, index) => `u${index}`).join('|') }],
    ['msg_type must be one of text, markdown', { ...app, msg_type: 'textcard' }],
    ['api_base_url must be an absolute http(s) URL', { ...app, api_base_url: 'qyapi.weixin.qq.com' }],
    ['api_base_url must not carry a query string or fragment', { ...app, api_base_url: 'https://proxy.example.com/wecom?x=1' }],
  ])('refuses with "%s"', (message, config) => {
    expect(messages(wecomAppMessage, config)).toContain(message);
  });

  it('accepts a complete config, defaults msg_type to text, and counts the rate limit per application', () => {
    const parsed = wecomAppMessage.parseConfig({ ...app, to_users: '@all', api_base_url: 'https://proxy.example.com/wecom/' });
    expect(parsed.ok ? parsed.config.msg_type : parsed.issues).toBe('text');
    expect(parsed.ok && wecomAppMessage.destination(parsed.config)).toBe('ww0123456789abcdef/1000002');
  });

  it('marks the secret write-only in the schema, and the robot URL too', () => {
    expect(wecomAppMessage.configSchema).toMatchObject({ properties: { secret: { writeOnly: true } } });
    expect(wecomGroupChatRobot.configSchema).toMatchObject({ properties: { service_url: { writeOnly: true } } });
  });
});
