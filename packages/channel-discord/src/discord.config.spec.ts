import { describe, expect, it } from '@jest/globals';
import { discordWebhook } from './discord.channel.js';

const serviceUrl = 'https://discord.com/api/webhooks/1234567890/tok-abcdefgh';

function problems(config: Record<string, unknown>): string {
  const parsed = discordWebhook.parseConfig(config);
  return parsed.ok ? '' : parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}

describe('discord_webhook config', () => {
  it.each([
    [{}, 'service_url: service_url is required'],
    [{ service_url: 'not a url' }, 'service_url must be an absolute http(s) URL'],
    [{ service_url: 'ftp://discord.com/x' }, 'service_url must use http or https, not ftp'],
    [
      { service_url: 'https://discord.com/channels/1/2' },
      'service_url must be a webhook URL like https://discord.com/api/webhooks/<id>/<token>',
    ],
    [{ service_url: 'https://discord.com/api/webhooks/1234567890' }, 'service_url must be a webhook URL'],
    [{ service_url: serviceUrl, msg_type: 'markdown' }, 'msg_type must be one of text, embed, customize'],
    [{ service_url: serviceUrl, username: 'Discord Alerts' }, 'username must not contain "clyde" or "discord"'],
    [{ service_url: serviceUrl, username: 'my CLYDE' }, 'username must not contain "clyde" or "discord"'],
    [{ service_url: serviceUrl, username: 'x'.repeat(81) }, 'username must be 1 to 80 characters'],
    [{ service_url: serviceUrl, avatar_url: 'data:image/png;base64,AAAA' }, 'avatar_url must use http or https, not data'],
    [{ service_url: serviceUrl, template: 'hi ${data.x' }, 'template unclosed "${" at position 3'],
    [{ service_url: serviceUrl, msg_type: 'customize' }, 'template: template is required when msg_type is customize'],
    [
      { service_url: serviceUrl, msg_type: 'customize', template: '{"content": ${data.message} ${data.message}}' },
      'template must render to valid JSON',
    ],
    [{ service_url: serviceUrl, msg_type: 'customize', template: '["${data.message}"]' }, 'template must render to a JSON object'],
    [
      { service_url: serviceUrl, msg_type: 'customize', template: '{"username":"x"}' },
      'template must render to a body with "content" or "embeds"',
    ],
    [{ service_url: serviceUrl, msg_type: 'customize', template: '{"content":1}' }, 'template must render "content" as a string'],
    [
      { service_url: serviceUrl, msg_type: 'customize', template: '{"embeds":{"title":"x"}}' },
      'template must render "embeds" as an array of objects',
    ],
    [{ service_url: serviceUrl, colour: 'red' }, 'colour: colour is not a field of this action'],
  ])('refuses %j: %s', (config, message) => {
    expect(problems(config)).toContain(message);
  });

  it.each([
    [{ service_url: serviceUrl }],
    [{ service_url: 'https://discordapp.com/api/v10/webhooks/1234567890/tok-abcdefgh?thread_id=42' }],
    [{ service_url: 'https://proxy.example.com/discord/relay', msg_type: 'text', template: '**${event.type}** ${data.message}' }],
    [{ service_url: serviceUrl, msg_type: 'embed', username: 'Herald', avatar_url: 'https://example.com/herald.png' }],
    [{ service_url: serviceUrl, msg_type: 'customize', template: '{"content":"${data.message}","embeds":[{"title":"${event.type}"}]}' }],
  ])('accepts %j', (config) => {
    expect(problems(config)).toBe('');
  });

  it('marks service_url as a secret in the published schema', () => {
    expect(discordWebhook.secretFields).toEqual(['service_url']);
    expect(discordWebhook.configSchema).toMatchObject({ properties: { service_url: { writeOnly: true, format: 'uri' } } });
  });

  it.each([
    ['https://discord.com/api/webhooks/1234567890/tok-abcdefgh', 'discord:webhook:1234567890'],
    ['https://discordapp.com/api/v10/webhooks/1234567890/tok-abcdefgh?thread_id=7', 'discord:webhook:1234567890'],
    ['https://proxy.example.com/relay/one?x=1', 'https://proxy.example.com/relay/one'],
  ])('counts the rate limit of %s against %s', (service_url, destination) => {
    const parsed = discordWebhook.parseConfig({ service_url });
    expect(parsed.ok && discordWebhook.destination(parsed.config)).toBe(destination);
  });
});
