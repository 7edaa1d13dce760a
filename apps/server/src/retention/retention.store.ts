import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Delivery states that are over: only these are ever removed. */
const FINISHED = ['succeeded', 'failed', 'skipped'];

/**
 * The statements that remove old rows, each a short transaction of its own over at most `batch`
 * rows, skipping rows another transaction holds, so publishing and delivery never wait on them.
 */
@Injectable()
export class RetentionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The shortest retention in force (days): nothing younger is ever looked at. */
  async shortestRetentionDays(defaultDays: number): Promise<number> {
    const [row] = await this.dataSource.query('SELECT min(retention_days)::int AS days FROM projects');
    return Math.min(defaultDays, row?.days ?? defaultDays);
  }

  /** Removes up to `batch` finished deliveries (their attempts go with them); returns how many. */
  async removeDeliveries(defaultDays: number, shortestDays: number, batch: number): Promise<number> {
    const [, removed]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM deliveries WHERE id IN (
         SELECT d.id FROM deliveries d JOIN projects p ON p.id = d.project_id
         WHERE d.created_at < now() - make_interval(days => $2)
           AND d.created_at < now() - make_interval(days => coalesce(p.retention_days, $1))
           AND d.status = ANY($4::text[])
         LIMIT $3
         FOR UPDATE OF d SKIP LOCKED)`,
      [defaultDays, shortestDays, batch, FINISHED],
    );
    return removed;
  }

  /** Removes up to `batch` old events that no delivery refers to any more; returns how many. */
  async removeEvents(defaultDays: number, shortestDays: number, batch: number): Promise<number> {
    const [, removed]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM events WHERE id IN (
         SELECT e.id FROM events e JOIN projects p ON p.id = e.project_id
         WHERE e.received_at < now() - make_interval(days => $2)
           AND e.received_at < now() - make_interval(days => coalesce(p.retention_days, $1))
           AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)
         LIMIT $3
         FOR UPDATE OF e SKIP LOCKED)`,
      [defaultDays, shortestDays, batch],
    );
    return removed;
  }
}
