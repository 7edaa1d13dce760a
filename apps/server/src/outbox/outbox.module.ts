import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Attempt } from './attempt.entity.js';
import { Delivery } from './delivery.entity.js';
import { DELIVERIES_QUEUE, DeliveryQueue } from './delivery-queue.js';
import { DeliveryGroupCommit } from './delivery-group-commit.js';
import { DeliveryStore } from './delivery-store.js';
import { EventOutboxWriter } from './event-outbox-writer.js';
import { LocalHandOff } from './local-hand-off.js';

const JOB_LOCK_MS = 4_000;
const STALLED_CHECK_MS = 3_000;

/** Delivery rows, attempt rows and the queue they feed: shared by ingest and the workers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Delivery, Attempt]),
    BullModule.registerQueueAsync({
      name: DELIVERIES_QUEUE,
      // Bull renews a job's lock every half lock while the attempt runs, so a short lock costs nothing
      // and a killed worker's jobs (taken, perhaps not yet claimed) are freed soon: the stalled-job
      // check moves a job whose lock lapsed back to waiting on its second pass, within about
      // LOCK + 2 × CHECK. The delivery row's lease keeps a second worker off a delivery in any case.
      useFactory: () => ({
        settings: { lockDuration: JOB_LOCK_MS, lockRenewTime: JOB_LOCK_MS / 2, stalledInterval: STALLED_CHECK_MS, maxStalledCount: 10 },
      }),
    }),
  ],
  providers: [DeliveryStore, DeliveryQueue, DeliveryGroupCommit, EventOutboxWriter, LocalHandOff],
  exports: [DeliveryStore, DeliveryQueue, DeliveryGroupCommit, EventOutboxWriter, LocalHandOff, BullModule],
})
export class OutboxModule {}
