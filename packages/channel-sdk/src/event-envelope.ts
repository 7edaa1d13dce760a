import type { MessageContext } from './message-context.js';

/** The top-level fields of Herald's event envelope; channels that merge fields beside it keep clear of these. */
export const EVENT_ENVELOPE_FIELDS = ['id', 'type', 'source', 'time', 'subject', 'data', 'project', 'subscription'] as const;

/**
 * Herald's own JSON envelope of an event, the body channels send when the user gave no template:
 * `{ id, type, source, time, subject?, data, project: { key, name }, subscription: { id, name } }`.
 */
export function eventEnvelope(message: MessageContext): Record<string, unknown> {
  const { event, project, subscription } = message;
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
