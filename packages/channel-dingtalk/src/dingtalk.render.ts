import {
  DeliveryFailure,
  fitJsonBody,
  renderCustomizeBody,
  renderTemplate,
  summarizeEvent,
  truncateChars,
  type EventSummary,
  type MessageContext,
} from '@herald/channel-sdk';
import { DINGTALK_CUSTOMIZE_RULES, type DingTalkRobotConfig } from './dingtalk.config.js';
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
    return fitJsonBody(
      text,
      (content) => ({ msgtype: 'text', text: { content: content + suffix }, ...atPart, msgUuid }),
      MAX_BODY_BYTES,
      TRUNCATION_MARKER,
    );
  }
  const title = truncateChars(summary.title, MAX_TITLE_CHARS);
  const text = config.template ? renderTemplate(config.template, message) : defaultMarkdown(summary);
  const suffix = mentions ? `\n\n${mentions}` : '';
  return fitJsonBody(
    text,
    (content) => ({ msgtype: 'markdown', markdown: { title, text: content + suffix }, ...atPart, msgUuid }),
    MAX_BODY_BYTES,
    TRUNCATION_MARKER,
  );
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

/** The template is the body; values are JSON-escaped so event data cannot change its shape. */
function customizeBody(template: string, message: MessageContext, msgUuid: string): string {
  const body = renderCustomizeBody(template, message, DINGTALK_CUSTOMIZE_RULES);
  const json = JSON.stringify({ ...body, msgUuid: (body as { msgUuid?: unknown }).msgUuid ?? msgUuid });
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BODY_BYTES) {
    throw new DeliveryFailure(`the customize body is ${bytes} bytes; DingTalk accepts at most ${MAX_BODY_BYTES} (errcode 460101)`, false);
  }
  return json;
}
