import { type MessageContext, renderJsonObject, renderTemplate, summarizeEvent } from '@herald/channel-sdk';
import type { DiscordWebhookConfig } from './discord.config.js';
import { fitDiscordMessage } from './discord.limits.js';
import { DISCORD_LIMITS, NO_MENTIONS, type DiscordEmbed, type DiscordMessage } from './discord.message.js';

export type RenderResult = { message: DiscordMessage } | { problem: string };

const COLORS = { failure: 0xe74c3c, success: 0x2ecc71, neutral: 0x5865f2 };

/**
 * The Execute Webhook body for one event: rendered by msg_type, posted under the configured
 * name and avatar, with mentions switched off unless a customize body says otherwise, and cut to
 * Discord's limits. A body Discord would refuse as empty comes back as a problem instead.
 */
export function renderDiscordMessage(config: DiscordWebhookConfig, message: MessageContext): RenderResult {
  const type = config.msg_type ?? 'embed';
  if (type === 'customize') {
    const custom = parseCustomize(config.template ?? '', message);
    return 'problem' in custom ? custom : finish(config, custom.message);
  }
  const body = type === 'text' ? { content: textContent(config, message) } : { embeds: [defaultEmbed(config, message)] };
  return finish(config, body);
}

function finish(config: DiscordWebhookConfig, body: DiscordMessage): RenderResult {
  const message = fitDiscordMessage({
    ...(config.username === undefined ? {} : { username: config.username }),
    ...(config.avatar_url === undefined ? {} : { avatar_url: config.avatar_url }),
    allowed_mentions: NO_MENTIONS,
    ...body,
  });
  const empty = (message.content ?? '').trim() === '' && !message.embeds?.length && !message.components && !message.poll;
  return empty ? { problem: 'the message is empty (Discord refuses it with 50006 "Cannot send an empty message")' } : { message };
}

/** A customize template rendered with JSON-escaped values and read as the body. */
export function parseCustomize(template: string, message: MessageContext): RenderResult {
  const rendered = renderJsonObject(template, message);
  if ('problem' in rendered) return rendered;
  const body = rendered.body;
  const { content, embeds } = body as DiscordMessage;
  if (content !== undefined && typeof content !== 'string') return { problem: 'must render "content" as a string' };
  if (embeds !== undefined && !(Array.isArray(embeds) && embeds.every(isPlainObject))) {
    return { problem: 'must render "embeds" as an array of objects' };
  }
  if (!content && !embeds?.length) return { problem: 'must render to a body with "content" or "embeds"' };
  return { message: body as DiscordMessage };
}

/** The template, or a bold title, one line a field and the time (shown in the reader's time zone). */
function textContent(config: DiscordWebhookConfig, message: MessageContext): string {
  if (config.template) return renderTemplate(config.template, message);
  const summary = summarizeEvent(message, DISCORD_LIMITS.embedFields);
  return [
    `**${escapeMarkdown(summary.title)}**`,
    ...summary.fields.map((field) => `**${escapeMarkdown(field.name)}:** ${escapeMarkdown(field.value)}`),
    `-# ${escapeMarkdown(summary.source)} · ${discordTime(summary.time)}`,
  ].join('\n');
}

/** One embed: the title, the template as description, a field per data key, the time and the source. */
function defaultEmbed(config: DiscordWebhookConfig, message: MessageContext): DiscordEmbed {
  const summary = summarizeEvent(message, DISCORD_LIMITS.embedFields, DISCORD_LIMITS.fieldValue);
  const time = new Date(summary.time);
  const description = config.template ? renderTemplate(config.template, message) : '';
  return {
    title: summary.title,
    ...(description.trim() === '' ? {} : { description }),
    color: colorOf(message.event.type),
    fields: summary.fields.map((field) => ({ name: field.name, value: escapeMarkdown(field.value), inline: field.value.length <= 40 })),
    footer: { text: summary.source },
    ...(Number.isNaN(time.getTime()) ? {} : { timestamp: time.toISOString() }),
  };
}

/** Red for failures, green for successes, Discord's blurple otherwise — read from the event type. */
function colorOf(eventType: string): number {
  if (/fail|error|down|critical|alert|reject/i.test(eventType)) return COLORS.failure;
  if (/succe|pass|resolved|recovered|complete|\bup\b|\.ok\b/i.test(eventType)) return COLORS.success;
  return COLORS.neutral;
}

/** `<t:…:f>` renders as a date and time in each reader's own time zone. */
function discordTime(time: string): string {
  const milliseconds = Date.parse(time);
  return Number.isNaN(milliseconds) ? escapeMarkdown(time) : `<t:${Math.floor(milliseconds / 1000)}:f>`;
}

/**
 * Keeps event values literal: bold, strike-through, code, spoilers and line-start quotes, headings
 * or lists are escaped. `_` is left alone so URLs in the data stay clickable.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*~`|]/g, '\\$&').replace(/^([>#-])/gm, '\\$1');
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
