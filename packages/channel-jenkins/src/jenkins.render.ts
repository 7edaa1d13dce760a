import {
  DeliveryFailure,
  eventEnvelope,
  headerLinesToRecord,
  parseHeaderLines,
  type HttpRequest,
  type MessageContext,
  type SendContext,
} from '@herald/channel-sdk';
import type { JenkinsBuildJobConfig } from './jenkins.config.js';
import { renderTemplateObject } from './jenkins.template.js';

const USER_AGENT = 'Herald-Jenkins/1';

/**
 * The exact body: the envelope or the rendered template, with build_args spliced in as text, so
 * numbers in either keep every digit (a reparse would round 64-bit ids).
 */
export function renderBuildBody(config: JenkinsBuildJobConfig, message: MessageContext): string {
  let base = JSON.stringify(eventEnvelope(message));
  if (config.template) {
    const rendered = renderTemplateObject(config.template, message);
    if ('problem' in rendered) throw new DeliveryFailure(`event ${message.event.id}: template ${rendered.problem}`, false);
    base = rendered.text;
  }
  return config.build_args ? mergeJsonObjectTexts(base, config.build_args) : base;
}

/** `{"a":1}` + `{"b":2}` → `{"a":1,"b":2}`, both already known to be JSON objects. */
export function mergeJsonObjectTexts(objectText: string, extraText: string): string {
  const extraMembers = extraText.trim().slice(1, -1).trim();
  if (extraMembers === '') return objectText;
  const head = objectText.trimEnd().slice(0, -1).trimEnd();
  return head.endsWith('{') ? `${head}${extraMembers}}` : `${head},${extraMembers}}`;
}

/** service_url with request_parameters appended to its query. */
export function invokeUrl(config: Pick<JenkinsBuildJobConfig, 'service_url' | 'request_parameters'>): string {
  const parameters = config.request_parameters?.trim();
  if (!parameters) return config.service_url;
  const url = new URL(config.service_url);
  url.search = [url.search.slice(1), parameters].filter(Boolean).join('&');
  return url.toString();
}

/**
 * One POST to the invoke URL. The user's header lines come first; Herald's own (content type,
 * event and delivery ids, which jobs can read as x_herald_event / x_herald_delivery, and the
 * Bearer token) follow and win.
 */
export function buildInvokeRequest(context: SendContext<JenkinsBuildJobConfig>): HttpRequest {
  const { config, message, delivery } = context;
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    ...userHeaders(config.header_parameters),
    'content-type': 'application/json',
    'x-herald-event': message.event.type,
    'x-herald-delivery': delivery.id,
    authorization: `Bearer ${config.build_token}`,
  };
  return { method: 'POST', url: invokeUrl(config), headers, body: renderBuildBody(config, message) };
}

/** The user's header lines, names lower-cased so that one spelling of each header is sent. */
function userHeaders(text: string | undefined): Record<string, string> {
  const lines = parseHeaderLines(text).map(({ name, value }) => ({ name: name.toLowerCase(), value }));
  return headerLinesToRecord(lines);
}
