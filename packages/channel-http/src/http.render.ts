import {
  headerLinesToRecord,
  looksLikeJsonTemplate,
  parseHeaderLines,
  renderJsonTemplate,
  renderTemplate,
  type SendContext,
} from '@herald/channel-sdk';
import type { HttpWebhookConfig } from './http.config.js';
import { renderEnvelope } from './http.envelope.js';
import { heraldSignature, standardWebhookSignature } from './http.sign.js';

const USER_AGENT = 'Herald-Webhook/1';

/**
 * The POST body: the envelope when no template is set; a template that starts with `{` or `[`
 * rendered as JSON (values escaped inside strings, inserted whole as JSON outside them) and sent
 * as application/json; any other template as text.
 */
export function renderPostBody(context: SendContext<HttpWebhookConfig>): { body: string; contentType: string } {
  const { template } = context.config;
  if (!template) return renderEnvelope(context);
  if (looksLikeJsonTemplate(template)) return { body: renderJsonTemplate(template, context.message), contentType: 'application/json' };
  return { body: renderTemplate(template, context.message), contentType: 'text/plain; charset=utf-8' };
}

/**
 * GET carries the event as query parameters: its id, type, source, time, subject and data (as
 * JSON); a template renders as the query string, values URL-encoded.
 */
export function renderGetQuery(context: SendContext<HttpWebhookConfig>): string {
  const { template } = context.config;
  if (template) return renderTemplate(template, context.message, encodeURIComponent);
  const { event } = context.message;
  return new URLSearchParams({
    event_id: event.id,
    event_type: event.type,
    event_source: event.source,
    event_time: event.time,
    ...(event.subject === undefined ? {} : { event_subject: event.subject }),
    event_data: JSON.stringify(event.data ?? null),
  }).toString();
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
