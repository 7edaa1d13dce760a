import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { newId } from '../common/ids.js';
import { Attempt } from './attempt.entity.js';
import { Delivery, type DeliveryStatus } from './delivery.entity.js';
import type { DueDelivery } from './delivery-queue.js';

export interface NewDelivery {
  eventId: string;
  subscriptionId: string;
  attemptsAllowed: number;
  /** Due later than now (a filter holds it until a window opens). */
  dueAt?: Date;
  /** Recorded but not sent, and why. */
  skippedReason?: string;
}

export interface DeliveryFilter {
  subscriptionId?: string;
  eventId?: string;
  status?: DeliveryStatus;
}

/** The outbox: delivery rows and their attempts, in Postgres, the source of truth for the queue. */
@Injectable()
export class DeliveryStore {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Delivery) private readonly deliveries: Repository<Delivery>,
    @InjectRepository(Attempt) private readonly attempts: Repository<Attempt>,
  ) {}

  /** Ends a delivery without sending it, and says why (its subscription was disabled meanwhile). */
  async skip(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET status = 'skipped', last_error = $2, lease_expires_at = NULL, next_attempt_at = NULL, updated_at = now(), completed_at = now() WHERE id = $1`,
      [id, reason],
    );
  }

  async get(projectId: string, id: string): Promise<Delivery> {
    const delivery = await this.deliveries.findOneBy({ id, projectId });
    if (!delivery) throw new NotFoundException(`delivery ${id} not found`);
    return delivery;
  }

  attemptsOf(deliveryId: string): Promise<Attempt[]> {
    return this.attempts.find({ where: { deliveryId }, order: { number: 'ASC' } });
  }

  listByEvent(projectId: string, eventId: string): Promise<Delivery[]> {
    return this.deliveries.find({ where: { projectId, eventId }, order: { id: 'ASC' } });
  }

  /** Newest first; `before` is the cursor (the last id of the previous page). */
  list(projectId: string, filter: DeliveryFilter, limit: number, before?: string): Promise<Delivery[]> {
    const query = this.deliveries.createQueryBuilder('d').where('d.project_id = :projectId', { projectId });
    if (filter.subscriptionId) query.andWhere('d.subscription_id = :subscriptionId', { subscriptionId: filter.subscriptionId });
    if (filter.eventId) query.andWhere('d.event_id = :eventId', { eventId: filter.eventId });
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (before) query.andWhere('d.id < :before', { before });
    return query.orderBy('d.id', 'DESC').limit(limit).getMany();
  }

  // Through TypeORM's query(), UPDATE … RETURNING answers [rows, count].

  /**
   * Extends a lease that has not lapsed yet, so it is still this process's; false when it lapsed
   * (another worker may hold the delivery now, and this process must not send it).
   */
  async renewLease(id: string, leaseMs: number): Promise<boolean> {
    const [rows]: [unknown[]] = await this.dataSource.query(
      `UPDATE deliveries SET lease_expires_at = now() + $2 * interval '1 millisecond'
       WHERE id = $1 AND status = 'delivering' AND lease_expires_at > now() RETURNING id`,
      [id, leaseMs],
    );
    return rows.length > 0;
  }

  /** A raw `RETURNING *` row as the entity, by the entity's column metadata. */
  private toEntity(row: Record<string, unknown>): Delivery {
    const columns = this.deliveries.metadata.columns;
    return this.deliveries.create(
      Object.fromEntries(columns.map((column) => [column.propertyName, row[column.databaseName]])) as Partial<Delivery>,
    );
  }

  /** Hands a claimed delivery back, due at `dueAt`, without counting an attempt (rate limit, shutdown). */
  async release(id: string, dueAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET status = 'pending', next_attempt_at = $2, lease_expires_at = NULL, updated_at = now() WHERE id = $1 AND status = 'delivering'`,
      [id, dueAt],
    );
  }

  /** Records one attempt and the delivery's next state, in one transaction. */
  async recordAttempt(
    delivery: Delivery,
    attempt: Omit<Attempt, 'id' | 'deliveryId'>,
    next: { status: DeliveryStatus; dueAt: Date | null; error: string | null },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Attempt, { id: newId('att'), deliveryId: delivery.id, ...attempt });
      await manager.query(
        `UPDATE deliveries SET status = $2, attempt_count = $3, next_attempt_at = $4, lease_expires_at = NULL, last_error = $5,
           updated_at = now(), completed_at = CASE WHEN $2 IN ('succeeded', 'failed') THEN now() ELSE NULL END
         WHERE id = $1`,
        [delivery.id, next.status, attempt.number, next.dueAt, next.error],
      );
    });
  }

  /** Makes a finished delivery due now, with a fresh round of attempts. */
  async retryNow(projectId: string, id: string, extraAttempts: number): Promise<Delivery | null> {
    const [rows]: [Array<Record<string, unknown>>] = await this.dataSource.query(
      `UPDATE deliveries SET status = 'pending', next_attempt_at = now(), attempts_allowed = attempt_count + $3, updated_at = now(), completed_at = NULL
       WHERE id = $1 AND project_id = $2 AND status IN ('succeeded', 'failed') RETURNING *`,
      [id, projectId, extraAttempts],
    );
    return rows[0] === undefined ? null : this.toEntity(rows[0]);
  }

  /** Makes every failed delivery of a subscription finished since `since` due now, each with a fresh round. */
  async retryFailedSince(
    projectId: string,
    subscriptionId: string,
    since: Date,
    extraAttempts: number,
  ): Promise<Array<{ id: string; dueAt: Date }>> {
    const [rows]: [Array<{ id: string; next_attempt_at: Date }>] = await this.dataSource.query(
      `UPDATE deliveries SET status = 'pending', next_attempt_at = now(), attempts_allowed = attempt_count + $4, updated_at = now(), completed_at = NULL
       WHERE project_id = $1 AND subscription_id = $2 AND status = 'failed' AND completed_at >= $3 RETURNING id, next_attempt_at`,
      [projectId, subscriptionId, since, extraAttempts],
    );
    return rows.map((row) => ({ id: row.id, dueAt: row.next_attempt_at }));
  }

  /** Deliveries that should be in the queue: pending and due for a while, or held by a worker whose lease ran out. */
  async overdue(graceMs: number, limit: number): Promise<DueDelivery[]> {
    const rows: Array<{ id: string; due_at: Date; queued_as: string | null }> = await this.dataSource.query(
      `(SELECT id, next_attempt_at AS due_at, queued_as FROM deliveries WHERE status = 'pending' AND next_attempt_at < now() - ($1 || ' milliseconds')::interval ORDER BY next_attempt_at LIMIT $2)
       UNION ALL
       (SELECT id, lease_expires_at AS due_at, NULL AS queued_as FROM deliveries WHERE status = 'delivering' AND lease_expires_at < now() ORDER BY lease_expires_at LIMIT $2)`,
      [String(graceMs), limit],
    );
    // A lapsed lease is due when it lapsed: a job id of its own, whatever the dead worker's job was.
    return rows.map((row) => ({ id: row.id, dueAt: row.due_at, ...(row.queued_as ? { batch: row.queued_as } : {}) }));
  }

  async statsOf(projectId: string, subscriptionId: string) {
    const [totals] = await this.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status IN ('pending', 'delivering'))::int AS in_flight,
              coalesce(sum(attempt_count), 0)::int AS attempts,
              max(completed_at) FILTER (WHERE status = 'succeeded') AS last_success_at
       FROM deliveries WHERE project_id = $1 AND subscription_id = $2`,
      [projectId, subscriptionId],
    );
    const [lastFailure] = await this.dataSource.query(
      `SELECT id AS delivery_id, completed_at AS at, last_error AS reason FROM deliveries
       WHERE project_id = $1 AND subscription_id = $2 AND status = 'failed' ORDER BY completed_at DESC LIMIT 1`,
      [projectId, subscriptionId],
    );
    const finished = totals.succeeded + totals.failed;
    return { ...totals, success_rate: finished === 0 ? null : totals.succeeded / finished, last_failure: lastFailure ?? null };
  }

  /**
   * Finished deliveries of a subscription per bucket, the last bucket the current one: one query,
   * buckets from generate_series (empty ones count zero), deliveries placed by date_bin on their
   * completion time. Buckets align to whole multiples of their length since 2000-01-01 UTC.
   */
  async seriesOf(projectId: string, subscriptionId: string, bucketMs: number, buckets: number) {
    const rows: Array<{ start: Date; succeeded: number; failed: number; skipped: number }> = await this.dataSource.query(
      `WITH bounds AS (
         SELECT ($3 || ' milliseconds')::interval AS width,
                date_bin(($3 || ' milliseconds')::interval, now(), timestamptz '2000-01-01 00:00:00+00') AS last_start
       ), counted AS (
         SELECT date_bin(bounds.width, d.completed_at, timestamptz '2000-01-01 00:00:00+00') AS start,
                count(*) FILTER (WHERE d.status = 'succeeded')::int AS succeeded,
                count(*) FILTER (WHERE d.status = 'failed')::int AS failed,
                count(*) FILTER (WHERE d.status = 'skipped')::int AS skipped
         FROM deliveries d, bounds
         WHERE d.subscription_id = $2 AND d.project_id = $1 AND d.completed_at >= bounds.last_start - bounds.width * ($4 - 1)
           AND d.status IN ('succeeded', 'failed', 'skipped')
         GROUP BY 1
       )
       SELECT s.start, coalesce(c.succeeded, 0)::int AS succeeded, coalesce(c.failed, 0)::int AS failed, coalesce(c.skipped, 0)::int AS skipped
       FROM bounds, generate_series(bounds.last_start - bounds.width * ($4 - 1), bounds.last_start, bounds.width) AS s(start)
       LEFT JOIN counted c ON c.start = s.start
       ORDER BY s.start`,
      [projectId, subscriptionId, String(bucketMs), buckets],
    );
    return rows;
  }
}
