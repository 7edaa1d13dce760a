import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelRegistry } from '../channels/channel-registry.js';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { Attempt } from './attempt.entity.js';
import { Delivery } from './delivery.entity.js';
import { DELIVERIES_QUEUE, DeliveryQueue } from './delivery-queue.js';
import { DeliveryStore } from './delivery-store.js';

/** Delivery rows, attempt rows and the queue they feed: shared by ingest and the workers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Delivery, Attempt]),
    BullModule.registerQueueAsync({
      name: DELIVERIES_QUEUE,
      inject: [ChannelRegistry, HERALD_CONFIG],
      // A job's lock outlives the longest usual request, and Bull renews it while the attempt runs;
      // the delivery row's lease keeps a second worker off it in any case.
      useFactory: (registry: ChannelRegistry, config: HeraldConfig) => ({
        settings: { lockDuration: registry.usualTimeoutMs() + config.leaseMarginMs, maxStalledCount: 10 },
      }),
    }),
  ],
  providers: [DeliveryStore, DeliveryQueue],
  exports: [DeliveryStore, DeliveryQueue, BullModule],
})
export class OutboxModule {}
