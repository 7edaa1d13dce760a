import { describe, expect, it } from '@jest/globals';
import { slackIncomingWebhook } from './slack.channel.js';

const service_url = 'https://hooks.slack.com/services/T0001/B0001/abcdefghijklmnopqrstuvwx';

function messages(config: Record<string, unknown>): string {
  const parsed = slackIncomingWebhook.parseConfig(config);
  return parsed.ok ? '' : parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}

describe('Slack config', () => {
  it.each([
    [{}, 'service_url: service_url must be a string'],
    [{ service_url: 'hooks.slack.com/services/x' }, 'service_url: service_url must be an absolute http(s) URL'],
    [{ service_url: 'ftp://hooks.slack.com/services/x' }, 'service_url: service_url must use http or https, not ftp'],
    [{ service_url, msg_type: 'markdown' }, 'msg_type: msg_type must be one of text, blocks, customize'],
    [{ service_url, template: 'Hi ${data.name' }, 'template: template unclosed "${" at position 3'],
    [{ service_url, msg_type: 'customize' }, 'template: template is required when msg_type is customize'],
    [
      { service_url, msg_type: 'customize', template: '{"text": ${event.type} ${event.id}}' },
      'template: template must render to valid JSON',
    ],
    [{ service_url, msg_type: 'customize', template: '["${event.type}"]' }, 'template: template must render to a JSON object'],
    [{ service_url, msg_type: 'customize', template: '{"username":"bot"}' }, 'must have a non-empty "text" or "blocks"'],
    [{ service_url, msg_type: 'customize', template: '{"blocks":[{"type":"banner"}]}' }, 'has a block of unknown type "banner"'],
    [{ service_url, channel: '#ops' }, 'channel: channel is not a field of this action'],
  ])('refuses %j: %s', (config, expected) => {
    expect(messages(config)).toContain(expected);
  });

  it.each([
    [{ service_url }],
    [{ service_url: 'http://slack-proxy.internal:8080/hook', msg_type: 'text', template: '*${event.type}* in ${project.name}' }],
    [{ service_url, msg_type: 'customize', template: '{"text":"${event.type}: ${data.message}"}' }],
    [{ service_url, msg_type: 'customize', template: '{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"${data.message}"}}]}' }],
  ])('accepts %j', (config) => {
    expect(messages(config)).toBe('');
  });

  it('marks service_url secret and writeOnly, since the URL is the credential', () => {
    expect(slackIncomingWebhook.secretFields).toEqual(['service_url']);
    expect(slackIncomingWebhook.configSchema).toMatchObject({
      properties: { service_url: { writeOnly: true }, msg_type: { enum: ['text', 'blocks', 'customize'] } },
    });
  });

  it("declares Slack's rate limit of one message a second per webhook", () => {
    expect(slackIncomingWebhook.defaults.rateLimits).toEqual([{ max: 1, perMs: 1000 }]);
    expect(slackIncomingWebhook.destination({ service_url })).toBe(service_url);
  });
});
