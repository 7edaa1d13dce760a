import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { withTimeout } from '../common/with-timeout.js';

export const DELIVERIES_QUEUE = 'deliveries';
export const ATTEMPT_JOB = 'delivery.attempt';

/**
 * Jobs carry delivery ids only; the rows in Postgres are the truth. A publish's deliveries due at
 * once travel in batch jobs (`deliveryIds`); a retry or a re-enqueued delivery in a job of its own.
 */
export interface AttemptJobData {
  deliveryId?: string;
  deliveryIds?: string[];
}

/** A delivery to queue; `batch` names the batch job of its publish, when it has one. */
export interface DueDelivery {
  id: string;
  dueAt: Date;
  batch?: string;
}

const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * Puts deliveries on the Bull queue. A single delivery's job id is derived from the delivery and its
 * due time, so enqueueing the same due delivery twice (a publish racing the sweeper, a Redis that
 * comes back) is a no-op; a batch job's id is the one stored on its rows (`queued_as`). When Redis
 * does not answer, the rows stay pending and the sweeper enqueues them later.
 */
@Injectable()
export class DeliveryQueue {
  private readonly logger = new Logger(DeliveryQueue.name);

  constructor(@InjectQueue(DELIVERIES_QUEUE) private readonly queue: Queue<AttemptJobData>) {}

  static jobId(deliveryId: string, dueAt: Date): string {
    return `${deliveryId}@${dueAt.getTime()}`;
  }

  /**
   * Enqueues those of the deliveries that have no job in Redis: waiting, delayed or held by a worker.
   * A job held by a worker that died is not re-added here (its id is taken); Bull's stalled-job check
   * hands it back within seconds. Undefined when Redis did not answer.
   */
  async enqueueMissing(deliveries: readonly DueDelivery[]): Promise<{ enqueued: number; queued: number } | undefined> {
    if (deliveries.length === 0) return { enqueued: 0, queued: 0 };
    try {
      const pipeline = this.queue.client.pipeline();
      for (const { id, dueAt, batch } of deliveries) {
        pipeline.exists(this.queue.toKey(DeliveryQueue.jobId(id, dueAt)), ...(batch ? [this.queue.toKey(batch)] : []));
      }
      const answers = await withTimeout(pipeline.exec(), ENQUEUE_TIMEOUT_MS, `Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`);
      // Re-enqueued alone, whatever batch they were in.
      const missing = deliveries.filter((_, index) => answers?.[index]?.[1] === 0).map(({ id, dueAt }) => ({ id, dueAt }));
      if (!(await this.enqueue(missing))) return undefined;
      return { enqueued: missing.length, queued: deliveries.length - missing.length };
    } catch (error) {
      this.logger.warn(`could not check the queue for ${deliveries.length} deliveries (${(error as Error).message}); the next sweep will`);
      return undefined;
    }
  }

  /** True when every job was handed to Redis. */
  async enqueue(deliveries: readonly DueDelivery[]): Promise<boolean> {
    if (deliveries.length === 0) return true;
    const now = Date.now();
    const batches = new Map<string, DueDelivery[]>();
    const single: DueDelivery[] = [];
    for (const delivery of deliveries) {
      if (!delivery.batch) single.push(delivery);
      else if (batches.has(delivery.batch)) batches.get(delivery.batch)!.push(delivery);
      else batches.set(delivery.batch, [delivery]);
    }
    const planned = [
      ...single.map(({ id, dueAt }) => ({ jobId: DeliveryQueue.jobId(id, dueAt), data: { deliveryId: id }, dueAt })),
      ...[...batches].map(([batch, members]) => ({
        jobId: batch,
        data: { deliveryIds: members.map((member) => member.id) },
        dueAt: members[0]!.dueAt,
      })),
    ];
    const jobs = planned.map(({ jobId, data, dueAt }) => ({
      name: ATTEMPT_JOB,
      data,
      opts: {
        jobId,
        delay: Math.max(0, dueAt.getTime() - now),
        removeOnComplete: true,
        removeOnFail: true,
        attempts: 3,
        backoff: { type: 'exponential', delay: 1_000 },
      },
    }));
    try {
      await withTimeout(this.queue.addBulk(jobs), ENQUEUE_TIMEOUT_MS, `Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`);
      return true;
    } catch (error) {
      this.logger.warn(`could not enqueue ${deliveries.length} deliveries (${(error as Error).message}); the sweeper will`);
      return false;
    }
  }
}
