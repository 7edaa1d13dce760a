import { renderCustomizeText, renderTemplate, summarizeEvent, truncateUtf8, type MessageContext } from '@herald/channel-sdk';
import { ROBOT_CUSTOMIZE_RULES, type WeComAppConfig, type WeComRobotConfig } from './wecom.config.js';

export const TRUNCATION_MARKER = '…';
/** WeCom counts content in UTF-8 bytes: robot text 2048, robot markdown 4096, application text and markdown 2048. */
export const ROBOT_CONTENT_BYTES: Record<string, number> = { text: 2048, markdown: 4096, markdown_v2: 4096 };
export const APP_CONTENT_BYTES: Record<string, number> = { text: 2048, markdown: 2048 };

/** The default markdown: the event type as a heading, the key fields as quotes, the source and time in grey. */
export function defaultMarkdown(message: MessageContext): string {
  const summary = summarizeEvent(message);
  const fields = summary.fields.map(({ name, value }) => `> **${name}**: ${value}`);
  return [`## ${summary.title}`, ...fields, `<font color="comment">${summary.source} · ${displayTime(summary.time)}</font>`].join('\n');
}

/** The default plain text: the title, one `name: value` line per key field, the source and time. */
export function defaultText(message: MessageContext): string {
  const summary = summarizeEvent(message);
  const fields = summary.fields.map(({ name, value }) => `${name}: ${value}`);
  return [summary.title, ...fields, `${summary.source} · ${displayTime(summary.time)}`].join('\n');
}

/** `2024-01-15T10:30:00.000Z` → `2024-01-15 10:30:00 UTC`; anything unparsable as given. */
export function displayTime(time: string): string {
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? time : `${new Date(parsed).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function content(msgType: 'text' | 'markdown', template: string | undefined, message: MessageContext, maxBytes: number): string {
  const rendered = template ? renderTemplate(template, message) : msgType === 'markdown' ? defaultMarkdown(message) : defaultText(message);
  return truncateUtf8(rendered, maxBytes, TRUNCATION_MARKER);
}

/** The robot body, serialized once: this exact string is sent. */
export function renderRobotBody(config: WeComRobotConfig, message: MessageContext): string {
  if (config.msg_type === 'customize') return renderCustomizeRobotBody(config.template ?? '', message);
  const msgType = config.msg_type ?? 'markdown';
  const part: Record<string, unknown> = { content: content(msgType, config.template, message, ROBOT_CONTENT_BYTES[msgType]!) };
  if (msgType === 'text') {
    const mentioned = splitList(config.mentioned);
    const mobiles = splitList(config.mentioned_mobile);
    if (mentioned.length > 0) part.mentioned_list = mentioned;
    if (mobiles.length > 0) part.mentioned_mobile_list = mobiles;
  }
  return JSON.stringify({ msgtype: msgType, [msgType]: part });
}

/** The application body: recipients, agentid (an integer) and the content. */
export function renderAppBody(config: WeComAppConfig, message: MessageContext): string {
  const msgType = config.msg_type ?? 'text';
  const part = { content: content(msgType, config.template, message, APP_CONTENT_BYTES[msgType]!) };
  return JSON.stringify({ touser: config.to_users, msgtype: msgType, agentid: config.agent_id, [msgType]: part });
}

/** Values are JSON-escaped; a content over WeCom's byte limit is cut (the body is then serialized again). */
function renderCustomizeRobotBody(template: string, message: MessageContext): string {
  const rendered = renderCustomizeText(template, message, ROBOT_CUSTOMIZE_RULES);
  const body = rendered.body as Record<string, Record<string, unknown>> & { msgtype: string };
  const part = body[body.msgtype]!;
  const maxBytes = ROBOT_CONTENT_BYTES[body.msgtype];
  if (!maxBytes || typeof part.content !== 'string' || Buffer.byteLength(part.content) <= maxBytes) return rendered.text;
  part.content = truncateUtf8(part.content, maxBytes, TRUNCATION_MARKER);
  return JSON.stringify(body);
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
