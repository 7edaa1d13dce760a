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
import { cardBody, defaultCardMarkdown, MAX_TITLE_CHARS } from './feishu.card.js';
import { FEISHU_CUSTOMIZE_RULES, type FeishuBotConfig } from './feishu.config.js';
import { escapeLarkMd, footerLine, neutraliseAtTags } from './feishu.format.js';
import { mentionIds, postMentions, textMentions } from './feishu.mentions.js';
import { signatureFields } from './feishu.sign.js';

/**
 * Feishu refuses bodies over "20 KB" (9499 Bad Request). We stay under 20000 bytes, which holds
 * whether Feishu counts a KB as 1000 or 1024 bytes.
 */
export const MAX_BODY_BYTES = 20_000;
export const TRUNCATION_MARKER = '…[truncated]';

type Body = Record<string, unknown>;

/**
 * The exact JSON text of one attempt. When `sign` is set, `timestamp` (seconds, from `nowMs`) and
 * `sign` lead the body as top-level fields, so every attempt is signed afresh.
 */
export function renderBody(config: FeishuBotConfig, message: MessageContext, nowMs: number): string {
  const signature = config.sign ? signatureFields(config.sign, nowMs) : {};
  if (config.msg_type === 'customize') return customizeBody(config.template ?? '', message, signature);
  const { text, build } = messageParts(config, message);
  return fitJsonBody(text, (content) => ({ ...signature, ...build(content) }), MAX_BODY_BYTES, TRUNCATION_MARKER);
}

/**
 * The text to fit (cut when too long) and how the body is built around it, per msg_type. A
 * template that renders blank for this event falls back to the default rendering.
 */
function messageParts(config: FeishuBotConfig, message: MessageContext): { text: string; build: (text: string) => Body } {
  const ids = mentionIds(config.mentions);
  const summary = summarizeEvent(message);
  const rendered = (escapeValue?: (value: string) => string) =>
    nonBlank(config.template ? renderTemplate(config.template, message, escapeValue) : '');
  if (config.msg_type === 'text') {
    const suffix = ids.length > 0 ? `\n${textMentions(ids)}` : '';
    const text = rendered(neutraliseAtTags) ?? neutraliseAtTags(defaultText(summary));
    return { text, build: (content) => ({ msg_type: 'text', content: { text: content + suffix } }) };
  }
  if (config.msg_type === 'post') {
    const title = truncateChars(summary.title, MAX_TITLE_CHARS);
    const text = rendered() ?? defaultPostText(summary);
    return { text, build: (content) => ({ msg_type: 'post', content: { post: { zh_cn: { title, content: paragraphs(content, ids) } } } }) };
  }
  const custom = rendered(escapeLarkMd);
  const card = (markdown: string) =>
    cardBody({ summary, eventType: message.event.type, markdown, mentionIds: ids, withFooter: custom === undefined });
  return { text: custom ?? defaultCardMarkdown(summary), build: (content) => ({ msg_type: 'interactive', card: card(content) }) };
}

function nonBlank(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

export function defaultText(summary: EventSummary): string {
  const fields = summary.fields.map((field) => `${field.name}: ${field.value}`);
  return [summary.title, ...fields, footerLine(summary)].join('\n');
}

/** The post's title carries the event; its lines are the key fields and the time. */
export function defaultPostText(summary: EventSummary): string {
  const fields = summary.fields.map((field) => `${field.name}: ${field.value.replace(/\s*\n\s*/g, ' ')}`);
  return [...fields, footerLine(summary)].join('\n');
}

/** One post paragraph per line of text, then one of mentions. */
function paragraphs(text: string, ids: string[]): object[][] {
  const lines = text.split('\n').map((line) => [{ tag: 'text', text: line }]);
  return ids.length > 0 ? [...lines, postMentions(ids)] : lines;
}

/** The template is the body; values are JSON-escaped so event data cannot change its shape. */
function customizeBody(template: string, message: MessageContext, signature: object): string {
  const body = renderCustomizeBody(template, message, FEISHU_CUSTOMIZE_RULES);
  const json = JSON.stringify({ ...signature, ...body, ...signature });
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BODY_BYTES) {
    throw new DeliveryFailure(`the customize body is ${bytes} bytes; Feishu accepts at most 20 KB (9499 Bad Request)`, false);
  }
  return json;
}
