import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { DELIVERIES_QUEUE, DeliveryQueue } from '../src/outbox/delivery-queue.js';
import { TestApp } from './support/test-app.js';

/** The sweeper's hand-back: only deliveries with no job in Redis are enqueued, and the count says so. */
describe('DeliveryQueue.enqueueMissing', () => {
  let herald: TestApp;
  let queue: DeliveryQueue;

  beforeAll(async () => {
    herald = await TestApp.start({ HERALD_ROLE: 'api' });
    queue = herald.app.get(DeliveryQueue);
  });
  afterAll(async () => {
    await herald?.stop();
  });

  const later = new Date(Date.now() + 3_600_000);

  it('adds the deliveries that have no job and counts those that already have one', async () => {
    expect(await queue.enqueue([{ id: 'dlv_queued', dueAt: later }])).toBe(true);
    const handed = await queue.enqueueMissing([
      { id: 'dlv_queued', dueAt: later },
      { id: 'dlv_missing', dueAt: later },
    ]);
    expect(handed).toEqual({ enqueued: 1, queued: 1 });
    expect(await queue.enqueueMissing([{ id: 'dlv_missing', dueAt: later }])).toEqual({ enqueued: 0, queued: 1 });
  });

  it('treats a new due time (a lapsed lease) as a job of its own', async () => {
    expect(await queue.enqueueMissing([{ id: 'dlv_queued', dueAt: new Date(later.getTime() + 1) }])).toEqual({ enqueued: 1, queued: 0 });
  });

  it('puts the deliveries of one batch in one job, and counts a delivery whose batch job is there as queued', async () => {
    const members = ['dlv_b1', 'dlv_b2', 'dlv_b3'].map((id) => ({ id, dueAt: later, batch: 'batch-dlv_b1' }));
    expect(await queue.enqueue(members)).toBe(true);
    const job = await herald.app.get<Queue>(getQueueToken(DELIVERIES_QUEUE)).getJob('batch-dlv_b1');
    expect(job?.data).toEqual({ deliveryIds: ['dlv_b1', 'dlv_b2', 'dlv_b3'] });
    expect(await queue.enqueueMissing(members)).toEqual({ enqueued: 0, queued: 3 });
    expect(await queue.enqueueMissing([{ id: 'dlv_b4', dueAt: later, batch: 'batch-gone' }])).toEqual({ enqueued: 1, queued: 0 });
  });
});
