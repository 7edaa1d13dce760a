import { DeliveryFailure, type MessageContext, renderJsonObject, renderTemplate, summarizeEvent } from '@herald/channel-sdk';
import type { SlackIncomingWebhookConfig } from './slack.config.js';
import { escapeMrkdwn } from './slack.escape.js';
import { fitToLimits, messageShapeProblem, SLACK_LIMITS, type SlackBlock, type SlackMessage } from './slack.message.js';

type RenderConfig = Pick<SlackIncomingWebhookConfig, 'msg_type' | 'template'>;

/** The exact JSON body for one event, cut to Slack's limits. */
export function renderSlackBody(config: RenderConfig, message: MessageContext): string {
  const type = config.msg_type ?? 'blocks';
  const body =
    type === 'customize'
      ? renderCustomize(config.template ?? '', message)
      : type === 'text'
        ? { text: renderText(config, message) }
        : renderBlocks(config, message);
  return JSON.stringify(fitToLimits(body));
}

/** mrkdwn text: the template with escaped values, or a bold title, one line a field and the time. */
export function renderText(config: RenderConfig, message: MessageContext): string {
  if (config.template) return renderTemplate(config.template, message, escapeMrkdwn);
  const summary = summarizeEvent(message);
  const fields = summary.fields.map(({ name, value }) => `*${escapeMrkdwn(name)}:* ${escapeMrkdwn(value)}`);
  return [`*${escapeMrkdwn(summary.title)}*`, ...fields, footer(summary.time, summary.source)].join('\n');
}

/** Block Kit: the event type as header, the template or the key fields, the time; `text` is the notification fallback. */
export function renderBlocks(config: RenderConfig, message: MessageContext): SlackMessage {
  const summary = summarizeEvent(message, SLACK_LIMITS.sectionFields);
  const header: SlackBlock = { type: 'header', text: { type: 'plain_text', text: summary.title || 'Herald event', emoji: true } };
  const context: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: footer(summary.time, summary.source) }] };
  let body: SlackBlock | undefined;
  if (config.template) {
    const text = renderTemplate(config.template, message, escapeMrkdwn);
    if (text.trim() !== '') body = { type: 'section', text: { type: 'mrkdwn', text } };
  } else if (summary.fields.length > 0) {
    const fields = summary.fields.map(({ name, value }) => ({
      type: 'mrkdwn' as const,
      text: `*${escapeMrkdwn(name)}*\n${escapeMrkdwn(value)}`,
    }));
    body = { type: 'section', fields };
  }
  return { text: renderText(config, message), blocks: body ? [header, body, context] : [header, context] };
}

/**
 * customize: the template is the JSON body. Values are mrkdwn-escaped, then escaped for a JSON
 * string. Throws a permanent DeliveryFailure when the result is not a message Slack takes.
 */
export function renderCustomize(template: string, message: MessageContext): SlackMessage {
  const result = parseCustomize(template, message);
  if ('problem' in result) throw new DeliveryFailure(`the customize template ${result.problem}`, false);
  return result.message;
}

/** The rendered customize body, or why it is not one Slack takes ("must render to valid JSON: …"). */
export function parseCustomize(template: string, message: MessageContext): { message: SlackMessage } | { problem: string } {
  const rendered = renderJsonObject(template, message, escapeMrkdwn);
  if ('problem' in rendered) return rendered;
  const parsed = rendered.body;
  const problem = messageShapeProblem(parsed);
  return problem ? { problem: `renders to a body that ${problem}` } : { message: parsed as SlackMessage };
}

/** The time in the reader's own time zone (`<!date^…>`, with the ISO time as fallback), and the source. */
function footer(time: string, source: string): string {
  const milliseconds = Date.parse(time);
  const when = Number.isNaN(milliseconds)
    ? escapeMrkdwn(time)
    : `<!date^${Math.floor(milliseconds / 1000)}^{date_short_pretty} {time}|${escapeMrkdwn(time)}>`;
  return `${when} · ${escapeMrkdwn(source)}`;
}
