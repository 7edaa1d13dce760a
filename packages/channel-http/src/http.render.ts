import { headerLinesToRecord, parseHeaderLines, renderTemplate, type SendContext } from '@herald/channel-sdk';
import type { HttpWebhookConfig } from './http.config.js';
import { heraldSignature, standardWebhookSignature } from './http.sign.js';

const USER_AGENT = 'Herald-Webhook/1';

/** The JSON envelope sent when no template is set. */
export function eventEnvelope(context: SendContext<HttpWebhookConfig>): Record<string, unknown> {
  const { event, project, subscription } = context.message;
  return {
    id: event.id,
    type: event.type,
    source: event.source,
    time: event.time,
    ...(event.subject === undefined ? {} : { subject: event.subject }),
    data: event.data,
    project: { key: project.key, name: project.name },
    subscription: { id: subscription.id, name: subscription.name },
  };
}

export function renderPostBody(context: SendContext<HttpWebhookConfig>): { body: string; contentType: string } {
  const { template } = context.config;
  if (!template) return { body: JSON.stringify(eventEnvelope(context)), contentType: 'application/json' };
  const body = renderTemplate(template, context.message);
  return { body, contentType: looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8' };
}

/** GET carries the event as query parameters; a template renders as the query string, values URL-encoded. */
export function renderGetQuery(context: SendContext<HttpWebhookConfig>): string {
  const { template } = context.config;
  if (template) return renderTemplate(template, context.message, encodeURIComponent);
  const { event } = context.message;
  return new URLSearchParams({ event_id: event.id, event_type: event.type, event_source: event.source, event_time: event.time }).toString();
}

/**
 * Headers for one attempt: the user's own lines first, then Herald's (which they cannot
 * override): event and delivery ids, signatures of the exact payload, Basic auth.
 */
export function requestHeaders(
  context: SendContext<HttpWebhookConfig>,
  signedPayload: string,
  contentType?: string,
): Record<string, string> {
  const { config, delivery, message } = context;
  const timestamp = new Date(Math.floor(context.now() / 1000) * 1000);
  const headers: Record<string, string> = {
    ...headerLinesToRecord(parseHeaderLines(config.headers)),
    'user-agent': USER_AGENT,
    'x-herald-event': message.event.type,
    'x-herald-delivery': delivery.id,
    'webhook-id': delivery.id,
    'webhook-timestamp': String(timestamp.getTime() / 1000),
  };
  if (contentType) headers['content-type'] = contentType;
  if (config.token) headers['x-herald-signature'] = heraldSignature(config.token, signedPayload);
  const signature = standardWebhookSignature(config, delivery.id, timestamp, signedPayload);
  if (signature) headers['webhook-signature'] = signature;
  if (config.username !== undefined || config.password !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${config.username ?? ''}:${config.password ?? ''}`).toString('base64')}`;
  }
  return headers;
}

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
