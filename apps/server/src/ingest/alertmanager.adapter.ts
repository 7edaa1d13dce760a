import { createHash } from 'node:crypto';
import { compileSchema } from '../event-types/json-schema.js';
import { describeFailure } from '../event-types/json-schema.js';
import { type IngestEvent, IngestBodyError } from './ingest-event.js';

const labelSet = { type: 'object', additionalProperties: { type: 'string' } };

/** What Herald relies on in Alertmanager's webhook body (version 4); other fields pass through or are ignored. */
const validateBody = compileSchema({
  type: 'object',
  properties: {
    alerts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['firing', 'resolved'] },
          labels: labelSet,
          annotations: labelSet,
          startsAt: { type: 'string', minLength: 1 },
          endsAt: { type: 'string' },
          fingerprint: { type: 'string' },
        },
        required: ['status', 'labels', 'startsAt'],
      },
    },
    groupLabels: labelSet,
    commonLabels: labelSet,
    commonAnnotations: labelSet,
  },
  required: ['alerts'],
});

interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  fingerprint?: string;
  [field: string]: unknown;
}

interface AlertmanagerWebhook {
  alerts: AlertmanagerAlert[];
  groupLabels?: Record<string, string>;
  commonLabels?: Record<string, string>;
  commonAnnotations?: Record<string, string>;
  receiver?: string;
  externalURL?: string;
  groupKey?: string;
}

/**
 * One event per alert: `alertmanager.firing` or `alertmanager.resolved`, its data the alert and
 * the group's fields. The id is derived from the alert's fingerprint, status and start (and, once
 * resolved, its end), so a webhook Alertmanager sends again — after a failure, or because another
 * alert joined the group — creates nothing new, while an alert that fires again later does. A
 * firing alert's webhook carries the same body when it is a reminder (repeat_interval), so the
 * ingest gives firing ids a window in time as well (alertmanager.reminders.ts).
 */
export function alertmanagerEvents(body: unknown): IngestEvent[] {
  if (!validateBody(body)) {
    const failure = describeFailure(validateBody.errors, 'body');
    throw new IngestBodyError(failure.field, failure.message);
  }
  const webhook = body as AlertmanagerWebhook;
  const group = {
    groupLabels: webhook.groupLabels ?? {},
    commonLabels: webhook.commonLabels ?? {},
    commonAnnotations: webhook.commonAnnotations ?? {},
    receiver: webhook.receiver ?? '',
    externalURL: webhook.externalURL ?? '',
    groupKey: webhook.groupKey ?? '',
  };
  return webhook.alerts.map((alert) => {
    const resolved = alert.status === 'resolved';
    const identity = [
      alert.fingerprint || labelsFingerprint(alert.labels),
      alert.status,
      alert.startsAt,
      resolved ? (alert.endsAt ?? '') : '',
    ];
    const at = new Date(resolved && alert.endsAt ? alert.endsAt : alert.startsAt);
    return {
      id: `alertmanager:${createHash('sha256').update(identity.join('\n')).digest('hex').slice(0, 40)}`,
      type: `alertmanager.${alert.status}`,
      source: 'alertmanager',
      ...(alert.labels.alertname ? { subject: alert.labels.alertname } : {}),
      ...(Number.isNaN(at.getTime()) ? {} : { time: at.toISOString() }),
      data: { ...alert, ...group },
    };
  });
}

/** Alertmanager versions before fingerprints: the sorted label set stands for the alert. */
function labelsFingerprint(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
