import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit } from '../common/group-commit.js';
import { newId } from '../common/ids.js';
import type { DueDelivery } from './delivery-queue.js';
import type { NewDelivery } from './delivery-store.js';

/** One event to store, with the deliveries it fans out to. */
export interface OutboxEvent {
  projectId: string;
  id: string;
  idempotencyKey: string | null;
  type: string;
  source: string;
  subject: string | null;
  time: Date;
  /** The data as JSON text. */
  data: string;
  deliveries: NewDelivery[];
}

export interface WrittenEvents {
  /** Ids of the events stored now; the others repeated an idempotency key already stored. */
  fresh: Set<string>;
  /** The stored pending deliveries, to enqueue; those due at once in batch jobs of the publish. */
  due: DueDelivery[];
}

const MAX_ROWS = 5_000;

/** Deliveries due at once go to the queue in jobs of this many. */
export const DELIVERY_BATCH = 50;

type NumberedDelivery = NewDelivery & { id: string; projectId: string; queuedAs: string | null };
type NumberedEvent = Omit<OutboxEvent, 'deliveries'> & { deliveries: NumberedDelivery[] };

/**
 * The outbox write of publishing: events and their delivery rows in one statement, so both are
 * stored or neither (a 202 still means stored). Publishes that arrive while statements are in flight
 * share the next one (see GroupCommit); if a shared statement fails, each publish is written again
 * on its own, so one bad publish fails alone.
 */
@Injectable()
export class EventOutboxWriter {
  /** Publishes share a statement up to about MAX_ROWS rows (events and deliveries); a bigger publish goes alone. */
  private readonly writes = new GroupCommit<NumberedEvent[], WrittenEvents>(
    (batch) => this.writeEach(batch),
    2,
    MAX_ROWS,
    (events) => events.reduce((rows, event) => rows + 1 + event.deliveries.length, 0),
  );

  constructor(private readonly dataSource: DataSource) {}

  write(events: OutboxEvent[]): Promise<WrittenEvents> {
    return this.writes.submit(numbered(events));
  }

  private async writeEach(batch: NumberedEvent[][]): Promise<Array<WrittenEvents | Error>> {
    try {
      const written = await this.writeAll(batch.flat());
      return batch.map((events) => ({
        fresh: new Set(events.filter((event) => written.fresh.has(event.id)).map((event) => event.id)),
        due: events.flatMap((event) => written.dueByEvent.get(event.id) ?? []),
      }));
    } catch (error) {
      if (batch.length === 1) return [error as Error];
      const single = await Promise.allSettled(batch.map((events) => this.writeEach([events])));
      return single.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error) : outcome.value[0]!));
    }
  }

  private async writeAll(events: NumberedEvent[]) {
    const deliveries = events.flatMap((event) => event.deliveries);
    const rows: Array<{ event_id: string; delivery_id: string | null; due_at: Date | null; queued_as: string | null }> =
      await this.dataSource.query(
        `WITH stored AS (
         INSERT INTO events (id, project_id, idempotency_key, type, source, subject, time, data, delivery_count)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::jsonb[], $9::int[])
         ON CONFLICT (project_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id
       ),
       fanned AS (
         INSERT INTO deliveries (id, project_id, event_id, subscription_id, status, attempts_allowed, next_attempt_at, last_error, completed_at, queued_as)
         SELECT t.id, t.project_id, t.event_id, t.subscription_id, CASE WHEN t.skipped IS NULL THEN 'pending' ELSE 'skipped' END, t.attempts_allowed,
                CASE WHEN t.skipped IS NULL THEN coalesce(t.due_at, now()) END, t.skipped, CASE WHEN t.skipped IS NOT NULL THEN now() END, t.queued_as
         FROM unnest($10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::timestamptz[], $16::text[], $17::text[])
           AS t(id, project_id, event_id, subscription_id, attempts_allowed, due_at, skipped, queued_as)
         WHERE t.event_id IN (SELECT id FROM stored)
         RETURNING id, event_id, next_attempt_at, queued_as
       )
       SELECT id AS event_id, NULL AS delivery_id, NULL::timestamptz AS due_at, NULL AS queued_as FROM stored
       UNION ALL SELECT event_id, id, next_attempt_at, queued_as FROM fanned`,
        [
          events.map((event) => event.id),
          events.map((event) => event.projectId),
          events.map((event) => event.idempotencyKey),
          events.map((event) => event.type),
          events.map((event) => event.source),
          events.map((event) => event.subject),
          events.map((event) => event.time),
          events.map((event) => event.data),
          events.map((event) => event.deliveries.filter((delivery) => !delivery.skippedReason).length),
          deliveries.map((delivery) => delivery.id),
          deliveries.map((delivery) => delivery.projectId),
          deliveries.map((delivery) => delivery.eventId),
          deliveries.map((delivery) => delivery.subscriptionId),
          deliveries.map((delivery) => delivery.attemptsAllowed),
          deliveries.map((delivery) => delivery.dueAt ?? null),
          deliveries.map((delivery) => delivery.skippedReason ?? null),
          deliveries.map((delivery) => delivery.queuedAs),
        ],
      );
    const fresh = new Set<string>();
    const dueByEvent = new Map<string, DueDelivery[]>();
    for (const row of rows) {
      if (row.delivery_id === null) fresh.add(row.event_id);
      else if (row.due_at !== null) {
        const list = dueByEvent.get(row.event_id) ?? [];
        list.push({ id: row.delivery_id, dueAt: row.due_at, ...(row.queued_as ? { batch: row.queued_as } : {}) });
        dueByEvent.set(row.event_id, list);
      }
    }
    return { fresh, dueByEvent };
  }
}

/** Ids for the deliveries, and for those due at once the batch job of this publish they go in. */
function numbered(events: OutboxEvent[]): NumberedEvent[] {
  let batch: string | null = null;
  let inBatch = 0;
  return events.map((event) => ({
    ...event,
    deliveries: event.deliveries.map((delivery) => {
      const id = newId('dlv');
      let queuedAs: string | null = null;
      if (!delivery.dueAt && !delivery.skippedReason) {
        if (batch === null || inBatch === DELIVERY_BATCH) {
          batch = `batch-${id}`;
          inBatch = 0;
        }
        inBatch += 1;
        queuedAs = batch;
      }
      return { ...delivery, id, projectId: event.projectId, queuedAs };
    }),
  }));
}
