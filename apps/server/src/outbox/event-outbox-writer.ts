import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit } from '../common/group-commit.js';
import { preparedQuery } from '../database/prepared-query.js';
import { newId } from '../common/ids.js';
import type { DueDelivery } from './delivery-queue.js';
import type { NewDelivery } from './delivery-store.js';
import { LocalHandOff } from './local-hand-off.js';

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

/** A delivery stored leased to this process, for its worker to attempt at once (see LocalHandOff). */
export interface LeasedDelivery {
  id: string;
  eventId: string;
  subscriptionId: string;
  attemptsAllowed: number;
}

export interface WrittenEvents {
  /** Ids of the events stored now; the others repeated an idempotency key already stored. */
  fresh: Set<string>;
  /** The stored pending deliveries, to enqueue; those due at once in batch jobs of the publish. */
  due: DueDelivery[];
  /** The stored deliveries leased to this process, to hand to its worker instead of the queue. */
  leased: LeasedDelivery[];
}

const MAX_ROWS = 5_000;

/** Deliveries due at once go to the queue in jobs of this many. */
export const DELIVERY_BATCH = 50;

type NumberedDelivery = NewDelivery & { id: string; projectId: string; queuedAs: string | null; local: boolean };
type NumberedEvent = Omit<OutboxEvent, 'deliveries'> & { deliveries: NumberedDelivery[] };

/**
 * The outbox write of publishing: events and their delivery rows in one statement, so both are
 * stored or neither (a 202 still means stored). Publishes that arrive while statements are in flight
 * share the next one (see GroupCommit); if a shared statement fails, each publish is written again
 * on its own, so one bad publish fails alone. Deliveries due at once are stored leased to this
 * process when its worker has room (LocalHandOff), the others pending for the queue.
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly handOff: LocalHandOff,
  ) {}

  async write(events: OutboxEvent[]): Promise<WrittenEvents> {
    const dueNow = events.reduce((count, event) => count + event.deliveries.filter(isDueNow).length, 0);
    const local = this.handOff.reserve(dueNow);
    let written: WrittenEvents;
    try {
      written = await this.writes.submit(numbered(events, local));
    } catch (error) {
      this.handOff.cancel(local);
      throw error;
    }
    // Deliveries of repeated events were not stored: their room is given back.
    this.handOff.cancel(local - written.leased.length);
    return written;
  }

  private async writeEach(batch: NumberedEvent[][]): Promise<Array<WrittenEvents | Error>> {
    try {
      const written = await this.writeAll(batch.flat());
      return batch.map((events) => {
        const fresh = new Set(events.filter((event) => written.fresh.has(event.id)).map((event) => event.id));
        return {
          fresh,
          due: events.flatMap((event) => written.dueByEvent.get(event.id) ?? []),
          leased: events.flatMap((event) =>
            fresh.has(event.id)
              ? event.deliveries
                  .filter((delivery) => delivery.local)
                  .map(({ id, eventId, subscriptionId, attemptsAllowed }) => ({ id, eventId, subscriptionId, attemptsAllowed }))
              : [],
          ),
        };
      });
    } catch (error) {
      if (batch.length === 1) return [error as Error];
      const single = await Promise.allSettled(batch.map((events) => this.writeEach([events])));
      return single.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error) : outcome.value[0]!));
    }
  }

  private async writeAll(events: NumberedEvent[]) {
    const deliveries = events.flatMap((event) => event.deliveries);
    const rows = await preparedQuery<{
      event_id: string;
      delivery_id: string | null;
      due_at: Date | null;
      queued_as: string | null;
      status: string | null;
    }>(
      this.dataSource,
      'herald_outbox_write',
      `WITH stored AS (
         INSERT INTO events (id, project_id, idempotency_key, type, source, subject, time, data, delivery_count)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::jsonb[], $9::int[])
         ON CONFLICT (project_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id
       ),
       fanned AS (
         INSERT INTO deliveries (id, project_id, event_id, subscription_id, status, attempts_allowed, next_attempt_at, last_error, completed_at, queued_as,
                                 lease_expires_at)
         SELECT t.id, t.project_id, t.event_id, t.subscription_id,
                CASE WHEN t.skipped IS NOT NULL THEN 'skipped' WHEN t.local THEN 'delivering' ELSE 'pending' END, t.attempts_allowed,
                CASE WHEN t.skipped IS NULL THEN coalesce(t.due_at, now()) END, t.skipped, CASE WHEN t.skipped IS NOT NULL THEN now() END, t.queued_as,
                CASE WHEN t.local THEN now() + $19::int * interval '1 millisecond' END
         FROM unnest($10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::timestamptz[], $16::text[], $17::text[], $18::bool[])
           AS t(id, project_id, event_id, subscription_id, attempts_allowed, due_at, skipped, queued_as, local)
         WHERE t.event_id IN (SELECT id FROM stored)
         RETURNING id, event_id, next_attempt_at, queued_as, status
       )
       SELECT id AS event_id, NULL AS delivery_id, NULL::timestamptz AS due_at, NULL AS queued_as, NULL AS status FROM stored
       UNION ALL SELECT event_id, id, next_attempt_at, queued_as, status FROM fanned`,
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
        deliveries.map((delivery) => delivery.local),
        this.handOff.leaseMs,
      ],
    );
    const fresh = new Set<string>();
    const dueByEvent = new Map<string, DueDelivery[]>();
    for (const row of rows) {
      if (row.delivery_id === null) fresh.add(row.event_id);
      else if (row.due_at !== null && row.status === 'pending') {
        const list = dueByEvent.get(row.event_id) ?? [];
        list.push({ id: row.delivery_id, dueAt: row.due_at, ...(row.queued_as ? { batch: row.queued_as } : {}) });
        dueByEvent.set(row.event_id, list);
      }
    }
    return { fresh, dueByEvent };
  }
}

const isDueNow = (delivery: NewDelivery) => !delivery.dueAt && !delivery.skippedReason;

/**
 * Ids for the deliveries; the first `local` of those due at once are leased to this process, the
 * rest go in the batch jobs of this publish.
 */
function numbered(events: OutboxEvent[], local: number): NumberedEvent[] {
  let batch: string | null = null;
  let inBatch = 0;
  let leased = 0;
  return events.map((event) => ({
    ...event,
    deliveries: event.deliveries.map((delivery) => {
      const id = newId('dlv');
      let queuedAs: string | null = null;
      if (isDueNow(delivery) && leased < local) {
        leased += 1;
        return { ...delivery, id, projectId: event.projectId, queuedAs, local: true };
      }
      if (isDueNow(delivery)) {
        if (batch === null || inBatch === DELIVERY_BATCH) {
          batch = `batch-${id}`;
          inBatch = 0;
        }
        inBatch += 1;
        queuedAs = batch;
      }
      return { ...delivery, id, projectId: event.projectId, queuedAs, local: false };
    }),
  }));
}
