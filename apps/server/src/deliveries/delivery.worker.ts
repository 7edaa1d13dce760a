import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { ChannelRegistry } from '../channels/channel-registry.js';
import { withTimeout } from '../common/with-timeout.js';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { ATTEMPT_JOB, DELIVERIES_QUEUE, type AttemptJobData } from '../outbox/delivery-queue.js';
import { AttemptSlots } from './attempt-slots.js';
import { DeliveryAttemptService } from './delivery-attempt.service.js';

/**
 * Consumes the deliveries queue (in the worker role). On shutdown Bull stops taking jobs and waits
 * for the attempts in flight to finish, so a SIGTERM never cuts a request in half.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);

  constructor(
    @InjectQueue(DELIVERIES_QUEUE) private readonly queue: Queue<AttemptJobData>,
    @Inject(HERALD_CONFIG) private readonly config: HeraldConfig,
    private readonly registry: ChannelRegistry,
    private readonly attempts: DeliveryAttemptService,
    private readonly slots: AttemptSlots,
  ) {}

  onApplicationBootstrap(): void {
    const usualTimeoutMs = this.registry.usualTimeoutMs();
    // Attempts in flight are capped across jobs (and the deliveries handed over at publish): they share the same slots.
    this.queue
      .process(ATTEMPT_JOB, this.config.workerConcurrency, (job) =>
        this.runJob(job.data, (id) => this.slots.run(() => this.attempts.run(id, usualTimeoutMs))),
      )
      .catch((error: Error) => this.logger.error(`the worker stopped: ${error.message}`));
    this.logger.log(`processing deliveries, ${this.config.workerConcurrency} at a time`);
  }

  /** Every delivery of the job is attempted; an infrastructure failure of any fails the job after all, for Bull to retry it. */
  private async runJob(data: AttemptJobData, attempt: (deliveryId: string) => Promise<void>): Promise<void> {
    const ids = data.deliveryIds ?? (data.deliveryId ? [data.deliveryId] : []);
    const failed = (await Promise.allSettled(ids.map(attempt))).find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * Bounded by the lease: Bull's close can wait forever on a Redis connection that is still being
   * re-established; past the lease, the attempts still running are another worker's to take anyway.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const leaseMs = this.registry.usualTimeoutMs() + this.config.leaseMarginMs;
    await withTimeout(this.queue.close(), leaseMs, `the queue did not close within ${leaseMs} ms`).catch((error: Error) =>
      this.logger.warn(`${error.message}; stopping without it`),
    );
  }
}
