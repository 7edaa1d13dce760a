import { eventEnvelope, type SendContext } from '@herald/channel-sdk';
import type { HttpWebhookConfig } from './http.config.js';

/**
 * The body and its content type for the configured envelope, so receivers written for other
 * products take Herald's deliveries unchanged (PROTOCOL.md: Feishu Project, Weiyu, CloudEvents).
 */
export function renderEnvelope(context: SendContext<HttpWebhookConfig>): { body: string; contentType: string } {
  const envelope = context.config.envelope ?? 'herald';
  if (envelope === 'cloudevents')
    return { body: JSON.stringify(cloudEvent(context)), contentType: 'application/cloudevents+json; charset=utf-8' };
  const value =
    envelope === 'feishu_project'
      ? feishuProjectEnvelope(context)
      : envelope === 'weiyu'
        ? weiyuEnvelope(context)
        : eventEnvelope(context.message);
  return { body: JSON.stringify(value), contentType: 'application/json' };
}

/** An event type without the product's own prefix: `feishu_project.WorkitemStatusEvent` → `WorkitemStatusEvent`. */
function productEventType(type: string, prefix: string): string {
  return type.startsWith(`${prefix}.`) ? type.slice(prefix.length + 1) : type;
}

/**
 * Feishu Project's webhook shape: `{header: {operator, event_type, token, uuid, rule_name}, payload}`.
 * `uuid` is the delivery id (the same on every retry, Feishu Project's idempotency string), `token`
 * the subscription's `token`, `operator` the event's subject (else its source), `payload` the
 * event's data. `rule_name`, which Feishu Project sends for events its automation rules fire, goes
 * to the header when the data holds it as a text (Herald's Feishu Project ingest keeps it there),
 * and out of the payload, so such an event goes out as it came in.
 */
export function feishuProjectEnvelope(context: SendContext<HttpWebhookConfig>): Record<string, unknown> {
  const { event } = context.message;
  const { ruleName, payload } = splitRuleName(event.data);
  return {
    header: {
      operator: event.subject ?? event.source,
      event_type: productEventType(event.type, 'feishu_project'),
      token: context.config.token ?? '',
      uuid: context.delivery.id,
      ...(ruleName === undefined ? {} : { rule_name: ruleName }),
    },
    payload,
  };
}

function splitRuleName(data: unknown): { ruleName?: string; payload: unknown } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { payload: data };
  const { rule_name: ruleName, ...payload } = data as Record<string, unknown>;
  return typeof ruleName === 'string' ? { ruleName, payload } : { payload: data };
}

/** Weiyu's webhook push shape: `{event_type, timestamp, data}`. */
export function weiyuEnvelope(context: SendContext<HttpWebhookConfig>): Record<string, unknown> {
  const { event } = context.message;
  return { event_type: productEventType(event.type, 'weiyu'), timestamp: event.time, data: event.data };
}

/** A CloudEvents 1.0 event in structured mode: the attributes and `data` in one JSON object. */
export function cloudEvent(context: SendContext<HttpWebhookConfig>): Record<string, unknown> {
  const { event } = context.message;
  return {
    specversion: '1.0',
    id: event.id,
    source: event.source,
    type: event.type,
    time: event.time,
    ...(event.subject === undefined ? {} : { subject: event.subject }),
    datacontenttype: 'application/json',
    data: event.data,
  };
}
