import { EVENT_TYPE_NAME } from '../events/publish-event.dto.js';
import { compileSchema, describeFailure } from '../event-types/json-schema.js';
import { type IngestEvent, IngestBodyError } from './ingest-event.js';

/** Feishu Project's envelope; every other field (it adds some over time) is ignored, as it asks of receivers. */
const validateBody = compileSchema({
  type: 'object',
  properties: {
    header: {
      type: 'object',
      properties: {
        event_type: { type: 'string', minLength: 1, maxLength: 180 },
        uuid: { type: 'string', maxLength: 200 },
        operator: { type: 'string' },
        token: { type: 'string' },
      },
      required: ['event_type'],
    },
    payload: {},
  },
  required: ['header'],
});

export interface FeishuProjectWebhook {
  /** `rule_name`: the automation rule's name, sent with the events automation rules fire (TimedTriggerEvent, DynamicTimeTriggerEvent). */
  header: { event_type: string; uuid?: string; operator?: string; token?: string; rule_name?: unknown };
  payload?: unknown;
}

export function parseFeishuProjectWebhook(body: unknown): FeishuProjectWebhook {
  if (!validateBody(body)) {
    const failure = describeFailure(validateBody.errors, 'body');
    throw new IngestBodyError(failure.field, failure.message);
  }
  return body as FeishuProjectWebhook;
}

/**
 * `feishu_project.<event_type>`, the event id `header.uuid` (Feishu Project's idempotency string,
 * the same on its retries), data the payload, the operator (a user key) as the event's subject,
 * and `header.rule_name` as `data.rule_name` (the feishu_project envelope puts it back in the header).
 */
export function feishuProjectEvent(webhook: FeishuProjectWebhook): IngestEvent {
  const type = `feishu_project.${webhook.header.event_type}`;
  if (!EVENT_TYPE_NAME.test(type)) throw new IngestBodyError('body.header.event_type', 'must be letters, digits or _ . : - only');
  return {
    ...(webhook.header.uuid ? { id: webhook.header.uuid } : {}),
    type,
    source: 'feishu-project',
    // Kept even when empty (its document's examples send ""), so the feishu_project envelope gives it back as sent.
    ...(typeof webhook.header.operator === 'string' ? { subject: webhook.header.operator } : {}),
    data: withRuleName(webhook.payload ?? {}, webhook.header.rule_name),
  };
}

/**
 * The payload with the automation rule's name beside its fields, where templates read it as
 * `${data.rule_name}`. A payload's own `rule_name` is never overwritten; a payload that is not an
 * object has nowhere to carry it.
 */
function withRuleName(payload: unknown, ruleName: unknown): unknown {
  if (typeof ruleName !== 'string' || typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  return 'rule_name' in payload ? payload : { ...payload, rule_name: ruleName };
}
