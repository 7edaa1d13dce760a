import { describe, expect, it } from '@jest/globals';
import { feishuGroupChatRobot } from './feishu.channel.js';

const serviceUrl = 'https://open.feishu.cn/open-apis/bot/v2/hook/2d3e4f5a-6b7c-8d9e-0f1a-2b3c4d5e6f7a';

function problems(config: Record<string, unknown>): string {
  const parsed = feishuGroupChatRobot.parseConfig(config);
  return parsed.ok ? '' : parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}

/** Configs and the message each must be refused with. */
const refusals: Array<[Record<string, unknown>, string]> = [
  [{}, 'service_url: service_url must be a string'],
  [{ service_url: 'ftp://open.feishu.cn/open-apis/bot/v2/hook/abc' }, 'service_url: service_url must use http or https, not ftp'],
  [{ service_url: 'https://open.feishu.cn/open-apis/bot/v2/' }, 'service_url: service_url must end in /hook/<token>'],
  [{ service_url: 'https://open.feishu.cn/open-apis/bot/v2/hook/' }, 'service_url: service_url must end in /hook/<token>'],
  [{ service_url: serviceUrl, msg_type: 'markdown' }, 'msg_type: msg_type must be one of text, post, interactive, customize'],
  [{ service_url: serviceUrl, sign: 'short' }, 'sign: sign must be the secret Feishu shows under 签名校验'],
  [{ service_url: serviceUrl, sign: 'has a space in it' }, 'sign: sign must be the secret Feishu shows under 签名校验'],
  [{ service_url: serviceUrl, mentions: 'ou_1,<script>' }, 'mentions: mentions must be open_id or user_id values'],
  [{ service_url: serviceUrl, mentions: 'ou_1,,ou_2' }, 'mentions: mentions must be open_id or user_id values'],
  [{ service_url: serviceUrl, mentions: 42 }, 'mentions: mentions must be a string of comma-separated ids'],
  [{ service_url: serviceUrl, template: 'hi ${data.x' }, 'template: template unclosed "${" at position 3'],
  [{ service_url: serviceUrl, template: 'x'.repeat(20_001) }, 'template: template must be at most 20000 characters'],
  [{ service_url: serviceUrl, msg_type: 'customize' }, 'template: template is required when msg_type is customize'],
  [
    { service_url: serviceUrl, msg_type: 'customize', template: '{"msg_type":"text","content":{"text":"${data.message}"}' },
    'template: template must render to JSON',
  ],
  [{ service_url: serviceUrl, msg_type: 'customize', template: '["${event.type}"]' }, 'template: template must render to a JSON object'],
  [
    { service_url: serviceUrl, msg_type: 'customize', template: '{"content":{"text":"${event.type}"}}' },
    'template: template must render to a JSON object with a msg_type',
  ],
  [
    { service_url: serviceUrl, msg_type: 'customize', template: '{"msg_type":"file","content":{}}' },
    'template: template renders msg_type "file", which a custom bot cannot send',
  ],
  [
    { service_url: serviceUrl, msg_type: 'customize', template: '{"msg_type":"text","content":"{\\"text\\":\\"${event.type}\\"}"}' },
    'template: template must carry a "content" JSON object for msg_type text (an object, not a JSON-encoded string)',
  ],
  [
    { service_url: serviceUrl, msg_type: 'customize', template: '{"msg_type":"interactive","content":{}}' },
    'template: template must carry a "card" JSON object',
  ],
  [
    { service_url: serviceUrl, msg_type: 'customize', template: '{"msg_type":"text","content":{"text":"x"}}', mentions: 'all' },
    'mentions: mentions applies to text, post and interactive',
  ],
  [{ service_url: serviceUrl, secret: 'abcdefgh' }, 'secret: secret is not a field of this action'],
];

describe('Feishu bot config', () => {
  it.each(refusals.map(([config, message]) => [message, config] as const))('refuses with "%s"', (message, config) => {
    expect(problems(config)).toContain(message);
  });

  it.each([
    [{ service_url: serviceUrl }],
    [{ service_url: 'https://open.larksuite.com/open-apis/bot/v2/hook/abc_DEF-123', sign: 'qNV3n3XKCb5y9QJ6Nv3ZMb', msg_type: 'text' }],
    [{ service_url: 'http://127.0.0.1:9000/feishu-proxy/hook/abc', mentions: 'ou_3f8a1c, 7a9b2c ,all', msg_type: 'post' }],
    [{ service_url: serviceUrl, template: '**${event.type}** ${data.message}' }],
    [
      {
        service_url: serviceUrl,
        msg_type: 'customize',
        template: '{"msg_type":"interactive","card":{"elements":[{"tag":"markdown","content":"${data.message}"}]}}',
      },
    ],
  ])('accepts %j', (config) => {
    expect(problems(config)).toBe('');
  });

  it('sends a card when msg_type is left out', () => {
    const parsed = feishuGroupChatRobot.parseConfig({ service_url: serviceUrl });
    expect(parsed.ok && parsed.config.msg_type).toBe('interactive');
  });

  it('publishes service_url and sign as secret, write-only fields', () => {
    expect(feishuGroupChatRobot.secretFields).toEqual(['service_url', 'sign']);
    expect(feishuGroupChatRobot.configSchema).toMatchObject({
      properties: {
        service_url: { writeOnly: true, description: expect.stringContaining('/hook/') },
        sign: { writeOnly: true },
        msg_type: { enum: ['text', 'post', 'interactive', 'customize'] },
      },
    });
  });

  it('declares the per-bot limits and keys them by the hook token, not the URL', () => {
    expect(feishuGroupChatRobot.defaults.rateLimits).toEqual([
      { max: 5, perMs: 1_000 },
      { max: 100, perMs: 60_000 },
    ]);
    const feishu = feishuGroupChatRobot.destination({ service_url: serviceUrl, msg_type: 'text' });
    const lark = feishuGroupChatRobot.destination({
      service_url: serviceUrl.replace('open.feishu.cn', 'open.larksuite.com'),
      msg_type: 'text',
    });
    expect(feishu).toMatch(/^feishu-bot:[0-9a-f]{32}$/);
    expect(feishu).toBe(lark);
    expect(feishu).not.toContain('2d3e4f5a');
  });
});
