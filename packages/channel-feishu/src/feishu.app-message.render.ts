import { createHash } from 'node:crypto';
import { fitJsonBody, renderTemplate, summarizeEvent, truncateChars, type EventSummary, type MessageContext } from '@herald/channel-sdk';
import type { AppMsgType, FeishuAppMessageConfig } from './feishu.app-message.config.js';

/**
 * im/v1/messages takes a text request body up to 150 KB and a post or card body up to 30 KB. We
 * stay under 150 000 and 30 000 bytes, which holds whether Feishu counts a KB as 1000 or 1024 bytes.
 */
export const APP_MESSAGE_MAX_BYTES: Record<AppMsgType, number> = { text: 150_000, post: 30_000, interactive: 30_000 };
export const TRUNCATION_MARKER = '…[truncated]';
const MAX_TITLE_CHARS = 100;

type Content = Record<string, unknown>;

/**
 * The request body for one receiver. `content` is a JSON-encoded string here (unlike the custom
 * bot); `uuid` is the same on every retry of this delivery to this receiver, so Feishu sends a
 * repeated request within an hour only once.
 */
export function renderAppMessageBody(
  config: FeishuAppMessageConfig,
  message: MessageContext,
  receiveId: string,
  deliveryId: string,
): string {
  const msgType = config.msg_type ?? 'text';
  const summary = summarizeEvent(message);
  const text = messageText(config, message, summary);
  const build = (content: string) => ({
    receive_id: receiveId,
    msg_type: msgType,
    content: JSON.stringify(contentOf(msgType, content, summary)),
    uuid: messageUuid(deliveryId, config.receive_id_type, receiveId),
  });
  return fitJsonBody(text, build, APP_MESSAGE_MAX_BYTES[msgType], TRUNCATION_MARKER);
}

/** At most 50 characters, as Feishu asks: a hash of the delivery and the receiver. */
export function messageUuid(deliveryId: string, receiveIdType: string, receiveId: string): string {
  return `hrd-${createHash('sha256').update(`${deliveryId}\n${receiveIdType}\n${receiveId}`).digest('hex').slice(0, 40)}`;
}

function messageText(config: FeishuAppMessageConfig, message: MessageContext, summary: EventSummary): string {
  const escapeValue = config.msg_type === 'interactive' ? escapeLarkMd : config.msg_type === 'text' ? neutraliseAtTags : undefined;
  const rendered = config.template ? renderTemplate(config.template, message, escapeValue) : '';
  if (rendered.trim() !== '') return rendered;
  if (config.msg_type === 'interactive') return defaultCardMarkdown(summary);
  const fields = summary.fields.map((field) => `${field.name}: ${field.value}`);
  const lines = config.msg_type === 'post' ? [...fields, footer(summary)] : [summary.title, ...fields, footer(summary)];
  return config.msg_type === 'text' ? neutraliseAtTags(lines.join('\n')) : lines.join('\n');
}

function contentOf(msgType: AppMsgType, text: string, summary: EventSummary): Content {
  const title = truncateChars(summary.title, MAX_TITLE_CHARS);
  if (msgType === 'text') return { text };
  if (msgType === 'post') return { zh_cn: { title, content: text.split('\n').map((line) => [{ tag: 'text', text: line }]) } };
  return {
    config: { wide_screen_mode: true },
    header: { title: { tag: 'plain_text', content: title }, template: 'blue' },
    elements: [{ tag: 'div', text: { tag: 'lark_md', content: text } }],
  };
}

function defaultCardMarkdown(summary: EventSummary): string {
  const fields = summary.fields.map((field) => `**${escapeLarkMd(field.name)}**: ${escapeLarkMd(field.value.replace(/\s*\n\s*/g, ' '))}`);
  return [...fields, escapeLarkMd(footer(summary))].join('\n');
}

function footer(summary: EventSummary): string {
  const parsed = Date.parse(summary.time);
  const time = Number.isNaN(parsed) ? summary.time : `${new Date(parsed).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return `${time} · ${summary.source}`;
}

/** In text messages `<at user_id="…">` mentions someone: event data must not be able to. */
function neutraliseAtTags(value: string): string {
  return value.replace(/<(\/?at\b)/gi, '<\u200b$1');
}

/** lark_md reads `<…>` as tags; event values show them as text. */
function escapeLarkMd(value: string): string {
  return value.replace(/</g, '&#60;').replace(/>/g, '&#62;');
}
