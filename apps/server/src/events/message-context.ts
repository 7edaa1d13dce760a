import { createMessageContext, type MessageContext } from '@herald/channel-sdk';
import type { PublishEventDto } from './publish-event.dto.js';

/** An event as Herald stores it: what the publisher sent, with Herald's defaults filled in. */
export interface StoredEventFields {
  id: string;
  type: string;
  source: string;
  time: Date;
  subject: string | null;
  data: unknown;
}

/** Where an event comes from when its publisher does not say. */
export const DEFAULT_SOURCE = 'api';

/** The published event's stored form: written to the events table and read by filters, so both agree. */
export function storedEvent(id: string, input: PublishEventDto, receivedAt: Date): StoredEventFields {
  return {
    id,
    type: input.type,
    source: input.source ?? DEFAULT_SOURCE,
    time: input.time ? new Date(input.time) : receivedAt,
    subject: input.subject ?? null,
    data: input.data ?? {},
  };
}

/**
 * What filters and channels see of an event sent to a subscription: the one place the message
 * context of a stored event is built, at ingest (filters, dry runs) and at delivery alike.
 */
export function messageContextOf(
  event: StoredEventFields,
  project: { id: string; key: string; name: string } | null,
  subscription: { id: string; name: string },
): MessageContext {
  return createMessageContext(
    {
      id: event.id,
      type: event.type,
      source: event.source,
      time: event.time,
      ...(event.subject === null ? {} : { subject: event.subject }),
      data: event.data,
    },
    {
      ...(project ? { project: { id: project.id, key: project.key, name: project.name } } : {}),
      subscription: { id: subscription.id, name: subscription.name },
    },
  );
}
