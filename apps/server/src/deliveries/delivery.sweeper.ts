import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { DeliveryQueue } from '../outbox/delivery-queue.js';
import { DeliveryStore } from '../outbox/delivery-store.js';

const BATCH = 1_000;

/**
 * Puts back on the queue what Postgres says is due but Redis may not hold: a crash between commit
 * and enqueue, a Redis that lost its data, a worker killed mid-attempt (its lease runs out).
 * Only deliveries with no job in Redis are re-enqueued (a job's id is its delivery and due time), so
 * every replica may sweep and the log counts what was really handed back.
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @Inject(HERALD_CONFIG) private readonly config: HeraldConfig,
    private readonly store: DeliveryStore,
    private readonly queue: DeliveryQueue,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many deliveries were handed to the queue. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const overdue = await this.store.overdue(Math.min(this.config.sweepIntervalMs, 5_000), BATCH);
      const handed = await this.queue.enqueueMissing(overdue);
      if (handed && handed.enqueued > 0) {
        this.logger.log(
          `re-enqueued ${handed.enqueued} overdue deliveries (${handed.queued} others overdue are still queued or held by a worker)`,
        );
      }
      return handed?.enqueued ?? 0;
    } catch (error) {
      this.logger.warn(`sweep skipped: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
