import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit } from '../common/group-commit.js';
import { preparedQuery } from '../database/prepared-query.js';
import { newId } from '../common/ids.js';
import type { EventRecord } from '../events/event.entity.js';
import type { Attempt } from './attempt.entity.js';
import type { Delivery, DeliveryStatus } from './delivery.entity.js';

export interface ClaimedDelivery {
  delivery: Delivery;
  /** The delivery's event, read with the claim; null when it is gone. */
  event: EventRecord | null;
}

export interface AttemptRecord {
  deliveryId: string;
  attempt: Omit<Attempt, 'id' | 'deliveryId'>;
  next: { status: DeliveryStatus; dueAt: Date | null; error: string | null };
}

const DELIVERY_COLUMNS = `d.id, d.project_id, d.event_id, d.subscription_id, d.status, d.attempt_count, d.attempts_allowed,
  d.next_attempt_at, d.lease_expires_at, d.last_error, d.created_at, d.updated_at, d.completed_at`;

/**
 * The workers' two statements on the hot path, each shared by every attempt that waits for it
 * (see GroupCommit): claiming deliveries (with their events, in the same round trip) and recording
 * attempts with the deliveries' next states. Same rules as one at a time: a claim takes only a
 * pending, due delivery or one whose lease lapsed; an attempt row and its next state are written
 * by one statement, so together or not at all.
 */
@Injectable()
export class DeliveryGroupCommit {
  private readonly claims = new GroupCommit<{ id: string; leaseMs: number }, ClaimedDelivery | null>((batch) => this.claimMany(batch));
  private readonly records = new GroupCommit<AttemptRecord, void>((batch) => this.recordMany(batch));

  constructor(private readonly dataSource: DataSource) {}

  /** Takes a due delivery for one attempt, unless another worker holds it; null when there is nothing to do. */
  claim(id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
    return this.claims.submit({ id, leaseMs });
  }

  /** Records one attempt and the delivery's next state, atomically. */
  record(record: AttemptRecord): Promise<void> {
    return this.records.submit(record);
  }

  private async claimMany(batch: Array<{ id: string; leaseMs: number }>): Promise<Array<ClaimedDelivery | null>> {
    // Rows are locked in id order, so claims that overlap never deadlock.
    const rows = await preparedQuery<Record<string, any>>(
      this.dataSource,
      'herald_claim_deliveries',
      `WITH wanted AS (SELECT DISTINCT ON (id) id, lease_ms FROM unnest($1::text[], $2::int[]) AS w(id, lease_ms)),
       claimable AS (
         SELECT d.id FROM deliveries d JOIN wanted w ON w.id = d.id
         WHERE (d.status = 'pending' AND d.next_attempt_at <= now() + interval '1 second') OR (d.status = 'delivering' AND d.lease_expires_at < now())
         ORDER BY d.id FOR UPDATE OF d
       ),
       claimed AS (
         UPDATE deliveries d SET status = 'delivering', lease_expires_at = now() + w.lease_ms * interval '1 millisecond', updated_at = now()
         FROM wanted w WHERE d.id = w.id AND d.id IN (SELECT id FROM claimable)
         RETURNING ${DELIVERY_COLUMNS}
       )
       SELECT c.*, e.id AS e_id, e.project_id AS e_project_id, e.idempotency_key AS e_idempotency_key, e.type AS e_type, e.source AS e_source,
              e.subject AS e_subject, e.time AS e_time, e.data AS e_data, e.delivery_count AS e_delivery_count, e.received_at AS e_received_at
       FROM claimed c LEFT JOIN events e ON e.id = c.event_id`,
      [batch.map((item) => item.id), batch.map((item) => item.leaseMs)],
    );
    const claimed = new Map(rows.map((row) => [row.id as string, toClaimed(row)]));
    // The same delivery asked for twice in one batch: the first asker has it, the other gets nothing.
    return batch.map((item) => {
      const found = claimed.get(item.id) ?? null;
      claimed.delete(item.id);
      return found;
    });
  }

  private async recordMany(batch: AttemptRecord[]): Promise<Array<undefined | Error>> {
    try {
      await this.writeRecords(batch);
      return batch.map(() => undefined);
    } catch (error) {
      if (batch.length === 1) return [error as Error];
      // One bad row (its delivery deleted meanwhile) must not cost the others their records.
      const single = await Promise.allSettled(batch.map((record) => this.writeRecords([record])));
      return single.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error) : undefined));
    }
  }

  private async writeRecords(batch: AttemptRecord[]): Promise<void> {
    const column = <T>(pick: (record: AttemptRecord) => T) => batch.map(pick);
    await preparedQuery(
      this.dataSource,
      'herald_record_attempts',
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::int[], $6::text[], $7::jsonb[], $8::int[], $9::text[],
                              $10::text[], $11::text[], $12::timestamptz[], $13::text[], $14::text[])
           AS t(attempt_id, delivery_id, number, started_at, duration_ms, outcome, request, response_status, response_excerpt, error,
                next_status, next_due_at, next_error, note)
       ),
       recorded AS (
         INSERT INTO attempts (id, delivery_id, number, started_at, duration_ms, outcome, request, response_status, response_excerpt, error, note)
         SELECT attempt_id, delivery_id, number, started_at, duration_ms, outcome, request, response_status, response_excerpt, error, note FROM input
       )
       UPDATE deliveries d SET status = i.next_status, attempt_count = i.number, next_attempt_at = i.next_due_at, lease_expires_at = NULL,
         last_error = i.next_error, updated_at = now(), completed_at = CASE WHEN i.next_status IN ('succeeded', 'failed') THEN now() ELSE NULL END
       FROM input i WHERE d.id = i.delivery_id`,
      [
        column(() => newId('att')),
        column((record) => record.deliveryId),
        column((record) => record.attempt.number),
        column((record) => record.attempt.startedAt),
        column((record) => record.attempt.durationMs),
        column((record) => record.attempt.outcome),
        column((record) => (record.attempt.request === null ? null : JSON.stringify(record.attempt.request))),
        column((record) => record.attempt.responseStatus),
        column((record) => record.attempt.responseExcerpt),
        column((record) => record.attempt.error),
        column((record) => record.next.status),
        column((record) => record.next.dueAt),
        column((record) => record.next.error),
        column((record) => record.attempt.note),
      ],
    );
  }
}

function toClaimed(row: Record<string, any>): ClaimedDelivery {
  const delivery: Delivery = {
    id: row.id,
    projectId: row.project_id,
    eventId: row.event_id,
    subscriptionId: row.subscription_id,
    status: row.status,
    attemptCount: row.attempt_count,
    attemptsAllowed: row.attempts_allowed,
    nextAttemptAt: row.next_attempt_at,
    leaseExpiresAt: row.lease_expires_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
  const event: EventRecord | null =
    row.e_id === null
      ? null
      : {
          id: row.e_id,
          projectId: row.e_project_id,
          idempotencyKey: row.e_idempotency_key,
          type: row.e_type,
          source: row.e_source,
          subject: row.e_subject,
          time: row.e_time,
          data: row.e_data,
          deliveryCount: row.e_delivery_count,
          receivedAt: row.e_received_at,
        };
  return { delivery, event };
}
