import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/with-timeout.js';

const QUERY_TIMEOUT_MS = 2_000;

/**
 * Figures read from PostgreSQL when Prometheus scrapes (not on the delivery path): the backlog of
 * deliveries and how late the oldest due one is, and subscriptions paused or disabled. Every
 * replica reports the same installation-wide values; aggregate them with max(), not sum().
 */
@Injectable()
export class BacklogMetrics {
  constructor(registry: Registry, dataSource: DataSource) {
    new Gauge({
      name: 'herald_delivery_queue_depth',
      help: 'Deliveries not finished, by state: due (waiting for a worker), scheduled (a retry or a held delivery, due later), delivering.',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const [row] = await withTimeout(
          dataSource.query(
            `SELECT count(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= now())::int AS due,
                    count(*) FILTER (WHERE status = 'pending' AND next_attempt_at > now())::int AS scheduled,
                    count(*) FILTER (WHERE status = 'delivering')::int AS delivering
             FROM deliveries WHERE status IN ('pending', 'delivering')`,
          ),
          QUERY_TIMEOUT_MS,
          'the backlog query timed out',
        ).catch(() => [undefined]);
        if (!row) return;
        for (const state of ['due', 'scheduled', 'delivering'] as const) this.set({ state }, row[state]);
      },
    });
    new Gauge({
      name: 'herald_delivery_oldest_due_age_seconds',
      help: 'How long the oldest due delivery has been waiting for a worker (0 when none waits).',
      registers: [registry],
      async collect() {
        const [row] = await withTimeout(
          dataSource.query(
            `SELECT coalesce(extract(epoch FROM now() - min(next_attempt_at)), 0)::float AS age
             FROM deliveries WHERE status = 'pending' AND next_attempt_at <= now()`,
          ),
          QUERY_TIMEOUT_MS,
          'the backlog query timed out',
        ).catch(() => [undefined]);
        if (row) this.set(row.age);
      },
    });
    new Gauge({
      name: 'herald_subscriptions',
      help: 'Subscriptions by state: active, paused (its destination kept failing; waits), disabled (by a person or by Herald).',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const [row] = await withTimeout(
          dataSource.query(
            `SELECT count(*) FILTER (WHERE enabled AND (paused_until IS NULL OR paused_until <= now()))::int AS active,
                    count(*) FILTER (WHERE enabled AND paused_until > now())::int AS paused,
                    count(*) FILTER (WHERE NOT enabled)::int AS disabled
             FROM subscriptions`,
          ),
          QUERY_TIMEOUT_MS,
          'the subscriptions query timed out',
        ).catch(() => [undefined]);
        if (!row) return;
        for (const state of ['active', 'paused', 'disabled'] as const) this.set({ state }, row[state]);
      },
    });
  }
}
