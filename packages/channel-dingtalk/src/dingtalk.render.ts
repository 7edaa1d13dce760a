import {
  DeliveryFailure,
  jsonStringEscape,
  renderTemplate,
  summarizeEvent,
  truncateChars,
  type EventSummary,
  type MessageContext,
} from '@herald/channel-sdk';
import type { DingTalkRobotConfig } from './dingtalk.config.js';
import { mentionLine, mentionsOf } from './dingtalk.mentions.js';

/** DingTalk refuses bodies over 20000 bytes (errcode 460101). */
export const MAX_BODY_BYTES = 20_000;
export const TRUNCATION_MARKER = '…[truncated]';
const MAX_TITLE_CHARS = 64;

/**
 * The exact JSON text of one message. `msgUuid` (the delivery id, the same on every retry) lets
 * DingTalk drop a repeat when an earlier attempt arrived but its answer was lost.
 */
export function renderBody(config: DingTalkRobotConfig, message: MessageContext, msgUuid: string): string {
  if (config.msg_type === 'customize') return customizeBody(config.template ?? '', message, msgUuid);
  const at = mentionsOf(config);
  const mentions = mentionLine(at);
  const atPart = at ? { at } : {};
  const summary = summarizeEvent(message);
  if (config.msg_type === 'text') {
    const text = config.template ? renderTemplate(config.template, message) : defaultText(summary);
    const suffix = mentions ? `\n${mentions}` : '';
    return fitToLimit(text, (content) => ({ msgtype: 'text', text: { content: content + suffix }, ...atPart, msgUuid }));
  }
  const title = truncateChars(summary.title, MAX_TITLE_CHARS);
  const text = config.template ? renderTemplate(config.template, message) : defaultMarkdown(summary);
  const suffix = mentions ? `\n\n${mentions}` : '';
  return fitToLimit(text, (content) => ({ msgtype: 'markdown', markdown: { title, text: content + suffix }, ...atPart, msgUuid }));
}

export function defaultText(summary: EventSummary): string {
  const fields = summary.fields.map((field) => `${field.name}: ${field.value}`);
  return [summary.title, ...fields, `${formatTime(summary.time)} · ${summary.source}`].join('\n');
}

export function defaultMarkdown(summary: EventSummary): string {
  const fields = summary.fields.map((field) => `- **${field.name}**: ${field.value.replace(/\s*\n\s*/g, ' ')}`);
  return [`### ${summary.title}`, '', ...fields, '', `> ${formatTime(summary.time)} · ${summary.source}`].join('\n');
}

/** `2024-01-15 10:30:00 UTC`, or the time as given when it does not parse. */
export function formatTime(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * Cuts the text (never the mentions or the JSON around it) to the longest start whose body fits
 * 20000 bytes once serialized. JSON escapes make bytes on the wire differ from bytes of text, so
 * it measures the body itself, halving the search each round; cuts fall between code points.
 */
function fitToLimit(text: string, build: (content: string) => object): string {
  const serialize = (content: string) => JSON.stringify(build(content));
  const fits = (content: string) => Buffer.byteLength(serialize(content)) <= MAX_BODY_BYTES;
  if (fits(text)) return serialize(text);
  const characters = Array.from(text);
  const cut = (length: number) => characters.slice(0, length).join('') + TRUNCATION_MARKER;
  let low = 0;
  let high = characters.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(cut(middle))) low = middle;
    else high = middle - 1;
  }
  return serialize(cut(low));
}

/** The template is the body; values are JSON-escaped so event data cannot change its shape. */
function customizeBody(template: string, message: MessageContext, msgUuid: string): string {
  const rendered = renderTemplate(template, message, jsonStringEscape);
  let body: unknown;
  try {
    body = JSON.parse(rendered);
  } catch (error) {
    throw new DeliveryFailure(`the customize template rendered invalid JSON for this event: ${(error as Error).message}`, false);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DeliveryFailure('the customize template rendered JSON that is not an object for this event', false);
  }
  const json = JSON.stringify({ ...body, msgUuid: (body as { msgUuid?: unknown }).msgUuid ?? msgUuid });
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BODY_BYTES) {
    throw new DeliveryFailure(`the customize body is ${bytes} bytes; DingTalk accepts at most ${MAX_BODY_BYTES} (errcode 460101)`, false);
  }
  return json;
}
