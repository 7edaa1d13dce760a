import { describe, expect, it } from '@jest/globals';
import { createMessageContext } from '@herald/channel-sdk';
import type { DiscordWebhookConfig } from './discord.config.js';
import { codePointLength, embedsLength, fitDiscordMessage, truncateCodePoints } from './discord.limits.js';
import type { DiscordEmbed, DiscordMessage } from './discord.message.js';
import { escapeMarkdown, renderDiscordMessage } from './discord.render.js';
import { discordBodyErrors } from './testing/index.js';

const serviceUrl = 'https://discord.com/api/webhooks/1/tok';
const event = createMessageContext({
  id: 'evt_1',
  type: 'build.failed',
  source: 'ci',
  subject: 'demo#42',
  time: '2024-01-15T10:30:00Z',
  data: { branch: 'main', stage: 'test **now**', url: 'https://ci.example.com/builds/42?tab=log_view' },
});

function render(config: Partial<DiscordWebhookConfig>, message = event): DiscordMessage {
  const result = renderDiscordMessage({ service_url: serviceUrl, ...config }, message);
  if ('problem' in result) throw new Error(result.problem);
  return result.message;
}

describe('renderDiscordMessage', () => {
  it.each<[string, Partial<DiscordWebhookConfig>, DiscordMessage]>([
    [
      'text, default rendering',
      { msg_type: 'text' },
      {
        allowed_mentions: { parse: [] },
        content:
          '**build.failed: demo#42**\n**branch:** main\n**stage:** test \\*\\*now\\*\\*\n' +
          '**url:** https://ci.example.com/builds/42?tab=log_view\n-# ci · <t:1705314600:f>',
      },
    ],
    [
      'text, template',
      { msg_type: 'text', template: '${event.type} on ${data.branch} @everyone' },
      { allowed_mentions: { parse: [] }, content: 'build.failed on main @everyone' },
    ],
    [
      'embed (the default msg_type)',
      {},
      {
        allowed_mentions: { parse: [] },
        embeds: [
          {
            title: 'build.failed: demo#42',
            color: 0xe74c3c,
            fields: [
              { name: 'branch', value: 'main', inline: true },
              { name: 'stage', value: 'test \\*\\*now\\*\\*', inline: true },
              { name: 'url', value: 'https://ci.example.com/builds/42?tab=log_view', inline: false },
            ],
            footer: { text: 'ci' },
            timestamp: '2024-01-15T10:30:00.000Z',
          },
        ],
      },
    ],
    [
      'embed with a template as description, name and avatar',
      { msg_type: 'embed', template: 'Branch `${data.branch}`', username: 'Herald', avatar_url: 'https://example.com/h.png' },
      {
        username: 'Herald',
        avatar_url: 'https://example.com/h.png',
        allowed_mentions: { parse: [] },
        embeds: [expect.objectContaining({ description: 'Branch `main`' }) as DiscordEmbed],
      },
    ],
    [
      'customize, mentions switched off when the template leaves them out',
      { msg_type: 'customize', template: '{"content":"<@&123> ${data.stage}","tts":false}', username: 'Herald' },
      { username: 'Herald', allowed_mentions: { parse: [] }, content: '<@&123> test **now**', tts: false },
    ],
    [
      "customize keeps the template's own allowed_mentions and username",
      {
        msg_type: 'customize',
        template: '{"content":"<@42> look","allowed_mentions":{"users":["42"]},"username":"CI"}',
        username: 'Herald',
      },
      { username: 'CI', allowed_mentions: { users: ['42'] }, content: '<@42> look' },
    ],
  ])('%s', (_name, config, expected) => {
    const message = render(config);
    expect(message).toEqual(expected);
    expect(discordBodyErrors(message)).toEqual([]);
  });

  it('JSON-escapes values in customize templates', () => {
    const quoted = createMessageContext({ type: 'x', data: { note: 'say "hi"\nthen \\ leave' } });
    expect(render({ msg_type: 'customize', template: '{"content":"${data.note}"}' }, quoted).content).toBe('say "hi"\nthen \\ leave');
  });

  it('colours by the event type', () => {
    const colour = (type: string) => render({}, createMessageContext({ type, data: {} })).embeds?.[0]?.color;
    expect([colour('deploy.succeeded'), colour('disk.alert'), colour('user.created')]).toEqual([0x2ecc71, 0xe74c3c, 0x5865f2]);
  });

  it.each([
    ['text with an empty template', { msg_type: 'text' as const, template: '${data.nothing}' }],
    ['customize rendering empty content', { msg_type: 'customize' as const, template: '{"content":"${data.nothing}"}' }],
  ])('reports %s as a problem instead of sending it', (_name, config) => {
    const result = renderDiscordMessage({ service_url: serviceUrl, ...config }, event);
    expect(result).toEqual({ problem: expect.stringMatching(/empty|must render to a body with "content" or "embeds"/) });
  });
});

describe('Discord limits', () => {
  const long = (length: number, character = 'a') => character.repeat(length);

  it.each([
    ['ascii', long(2500), 2000],
    ['emoji count as one character each', long(2500, '😀'), 2000],
    ['exactly at the limit', long(2000, '😀'), 2000],
  ])('cuts content to 2000 code points: %s', (_name, content, expected) => {
    const fitted = fitDiscordMessage({ content });
    expect(codePointLength(fitted.content!)).toBe(expected);
    expect(discordBodyErrors({ ...fitted, allowed_mentions: { parse: [] } })).toEqual([]);
  });

  it('marks a cut and never splits a surrogate pair', () => {
    expect(truncateCodePoints('ab😀😀', 3)).toBe('ab…');
    expect(truncateCodePoints('ab😀', 3)).toBe('ab😀');
  });

  it('cuts each embed part to its own limit, with no blank field', () => {
    const embed: DiscordEmbed = {
      title: long(300),
      description: long(5000),
      fields: [
        { name: ' ', value: 'v' },
        { name: 'n', value: '' },
        { name: long(300), value: long(2000) },
      ],
      author: { name: long(300) },
    };
    const [fitted] = fitDiscordMessage({ embeds: [embed] }).embeds!;
    expect(fitted).toMatchObject({ title: `${long(255)}…`, description: `${long(4095)}…`, author: { name: `${long(255)}…` } });
    expect(fitted!.fields).toEqual([
      { name: '\u200b', value: 'v' },
      { name: 'n', value: '\u200b' },
      { name: `${long(255)}…`, value: `${long(1023)}…` },
    ]);
  });

  it('keeps at most 25 fields', () => {
    const fields = Array.from({ length: 40 }, (_, index) => ({ name: `n${index}`, value: 'v' }));
    expect(fitDiscordMessage({ embeds: [{ fields }] }).embeds![0]!.fields).toEqual(fields.slice(0, 25));
  });

  it('gives titles, authors and footers the 6000 first, then descriptions, then fields', () => {
    const embed: DiscordEmbed = {
      title: long(300),
      description: long(5000),
      fields: [{ name: 'n', value: 'v' }],
      footer: { text: long(3000) },
      author: { name: long(300) },
    };
    const [fitted] = fitDiscordMessage({ embeds: [embed] }).embeds!;
    expect(embedsLength([fitted])).toBe(6000);
    expect(fitted!.footer!.text).toHaveLength(2048);
    expect(fitted!.description).toHaveLength(6000 - 256 - 256 - 2048);
    expect(fitted!.fields).toBeUndefined();
  });

  it('keeps 10 embeds within 6000 characters in all, dropping fields that no longer fit', () => {
    const embed: DiscordEmbed = {
      title: long(200),
      description: long(1000),
      fields: [{ name: 'n', value: long(1000) }],
      footer: { text: 'ci' },
    };
    const fitted = fitDiscordMessage({ embeds: Array.from({ length: 12 }, () => embed), allowed_mentions: { parse: [] } });
    expect(fitted.embeds).toHaveLength(10);
    expect(embedsLength(fitted.embeds!)).toBeLessThanOrEqual(6000);
    expect(fitted.embeds![9]!.title).toHaveLength(200);
    expect(discordBodyErrors(fitted)).toEqual([]);
  });

  it('leaves a message within the limits untouched', () => {
    const message = render({});
    expect(fitDiscordMessage(message)).toEqual(message);
  });

  it('renders a huge event within every limit', () => {
    const data = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`key_${index}`, long(2000, 'ü')]));
    const huge = createMessageContext({ type: long(400, 't'), data });
    for (const msg_type of ['text', 'embed'] as const) expect(discordBodyErrors(render({ msg_type }, huge))).toEqual([]);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['**bold** ~~gone~~ `code` ||spoiler||', '\\*\\*bold\\*\\* \\~\\~gone\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|'],
    ['> quote\n# heading\n- item', '\\> quote\n\\# heading\n\\- item'],
    ['https://x.example/a_b_c', 'https://x.example/a_b_c'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
