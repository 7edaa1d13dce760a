import { renderCustomizeText, renderTemplate, summarizeEvent, truncateUtf8, type MessageContext } from '@herald/channel-sdk';
import { ROBOT_CUSTOMIZE_RULES, type WeComAppConfig, type WeComRobotConfig } from './wecom.config.js';
import { markdownFollowUp, markdownMentionLine, robotMentions, textMentionLists } from './wecom.mentions.js';

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

function content(
  msgType: 'text' | 'markdown',
  template: string | undefined,
  message: MessageContext,
  maxBytes: number,
  suffix = '',
): string {
  const rendered = template ? renderTemplate(template, message) : msgType === 'markdown' ? defaultMarkdown(message) : defaultText(message);
  return truncateUtf8(rendered, maxBytes - Buffer.byteLength(suffix), TRUNCATION_MARKER) + suffix;
}

/** The robot body, serialized once: this exact string is sent. */
export function renderRobotBody(config: WeComRobotConfig, message: MessageContext): string {
  if (config.msg_type === 'customize') return renderCustomizeRobotBody(config.template ?? '', message);
  const msgType = config.msg_type ?? 'markdown';
  const mentions = robotMentions(config);
  const maxBytes = ROBOT_CONTENT_BYTES[msgType]!;
  if (msgType === 'text') {
    const part = { content: content(msgType, config.template, message, maxBytes), ...textMentionLists(mentions) };
    return JSON.stringify({ msgtype: msgType, text: part });
  }
  const line = markdownMentionLine(mentions);
  const part = { content: content(msgType, config.template, message, maxBytes, line ? `\n${line}` : '') };
  return JSON.stringify({ msgtype: msgType, markdown: part });
}

/**
 * The text message sent after a markdown one to mention whom markdown cannot (mobiles, everyone),
 * or undefined when there is no one.
 */
export function renderRobotFollowUp(config: WeComRobotConfig, message: MessageContext): string | undefined {
  if ((config.msg_type ?? 'markdown') !== 'markdown') return undefined;
  return markdownFollowUp(robotMentions(config), truncateUtf8(summarizeEvent(message).title, ROBOT_CONTENT_BYTES.text!, TRUNCATION_MARKER));
}

/** The application body: recipients (users, departments, tags), agentid (an integer) and the content. */
export function renderAppBody(config: WeComAppConfig, message: MessageContext): string {
  const msgType = config.msg_type ?? 'text';
  const part = { content: content(msgType, config.template, message, APP_CONTENT_BYTES[msgType]!) };
  const recipients = {
    ...(config.to_users ? { touser: config.to_users } : {}),
    ...(config.to_parties ? { toparty: config.to_parties } : {}),
    ...(config.to_tags ? { totag: config.to_tags } : {}),
  };
  return JSON.stringify({ ...recipients, msgtype: msgType, agentid: config.agent_id, [msgType]: part });
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
