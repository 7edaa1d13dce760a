import { renderTemplate, summarizeEvent, truncateChars, type EventSummary, type MessageContext } from '@herald/channel-sdk';
import type { DingTalkWorkNoticeConfig } from './dingtalk.work-notice.config.js';

/** DingTalk takes a content (text) or markdown text up to 5000 characters and a markdown title up to 64. */
export const MAX_CONTENT_CHARS = 5_000;
export const MAX_TITLE_CHARS = 64;
export const TRUNCATION_MARKER = '…[truncated]';

/**
 * The asyncsend_v2 body: agent_id (an integer), the receivers DingTalk expects as comma-separated
 * strings, and `msg`. The default rendering ends with the event id, so two events never share a
 * content (DingTalk drops a repeat of the same content to the same person within a day).
 */
export function renderWorkNoticeBody(config: DingTalkWorkNoticeConfig, message: MessageContext): string {
  const summary = summarizeEvent(message);
  const rendered = config.template ? renderTemplate(config.template, message) : '';
  const custom = rendered.trim() === '' ? undefined : rendered;
  const msgType = config.msg_type ?? 'markdown';
  const text = truncateChars(custom ?? defaultText(msgType, summary, message.event.id), MAX_CONTENT_CHARS, TRUNCATION_MARKER);
  const msg =
    msgType === 'text'
      ? { msgtype: 'text', text: { content: text } }
      : { msgtype: 'markdown', markdown: { title: truncateChars(summary.title, MAX_TITLE_CHARS), text } };
  return JSON.stringify({
    agent_id: config.agent_id,
    ...(config.userid_list ? { userid_list: config.userid_list } : {}),
    ...(config.dept_id_list ? { dept_id_list: config.dept_id_list } : {}),
    ...(config.to_all_user ? { to_all_user: true } : {}),
    msg,
  });
}

function defaultText(msgType: 'text' | 'markdown', summary: EventSummary, eventId: string): string {
  const footer = `${displayTime(summary.time)} · ${summary.source} · ${eventId}`;
  if (msgType === 'text') return [summary.title, ...summary.fields.map(({ name, value }) => `${name}: ${value}`), footer].join('\n');
  const fields = summary.fields.map(({ name, value }) => `- **${name}**: ${value.replace(/\s*\n\s*/g, ' ')}`);
  return [`### ${summary.title}`, '', ...fields, '', `> ${footer}`].join('\n');
}

function displayTime(time: string): string {
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? time : `${new Date(parsed).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
