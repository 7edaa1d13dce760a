import { Module } from '@nestjs/common';
import { RetentionStore } from './retention.store.js';
import { RetentionWorker } from './retention.worker.js';

/** Removal of old events, deliveries and attempts; imported where the process works the queue. */
@Module({
  providers: [RetentionStore, RetentionWorker],
  exports: [RetentionWorker],
})
export class RetentionModule {}
