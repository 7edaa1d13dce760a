import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { RetentionStore } from './retention.store.js';

/** Rows removed per statement: small enough that each statement is a short transaction. */
export const RETENTION_BATCH = 1_000;
const FIRST_PASS_WITHIN_MS = 60_000;

/**
 * Removes events, deliveries and their attempts older than the retention (HERALD_RETENTION_DAYS, or
 * the project's own `retention_days`), every HERALD_RETENTION_INTERVAL_MS, batch by batch; pending
 * and delivering deliveries, and the events they belong to, are never removed.
 */
@Injectable()
export class RetentionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopping = false;

  constructor(
    @Inject(HERALD_CONFIG) private readonly config: HeraldConfig,
    private readonly store: RetentionStore,
  ) {}

  /** The first pass comes within a minute of start, so workers restarted more often than the interval still clean up. */
  onApplicationBootstrap(): void {
    this.schedule(Math.min(this.config.retentionIntervalMs, FIRST_PASS_WITHIN_MS));
  }

  onApplicationShutdown(): void {
    this.stopping = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(async () => {
      await this.run();
      if (!this.stopping) this.schedule(this.config.retentionIntervalMs);
    }, delayMs);
    this.timer.unref();
  }

  /** One pass over every table; returns what it removed. */
  async run(): Promise<{ deliveries: number; events: number }> {
    const removed = { deliveries: 0, events: 0 };
    if (this.running) return removed;
    this.running = true;
    try {
      const days = this.config.retentionDays;
      const shortest = await this.store.shortestRetentionDays(days);
      removed.deliveries = await this.drain(() => this.store.removeDeliveries(days, shortest, RETENTION_BATCH));
      removed.events = await this.drain(() => this.store.removeEvents(days, shortest, RETENTION_BATCH));
      if (removed.deliveries + removed.events > 0) {
        this.logger.log(`removed ${removed.deliveries} deliveries (with their attempts) and ${removed.events} events past their retention`);
      }
    } catch (error) {
      this.logger.warn(`retention pass stopped: ${(error as Error).message}; the next pass goes on`);
    } finally {
      this.running = false;
    }
    return removed;
  }

  /** Repeats a batch statement until a batch comes back short, yielding between batches. */
  private async drain(batch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.stopping) return total;
      const removed = await batch();
      total += removed;
      if (removed < RETENTION_BATCH) return total;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
