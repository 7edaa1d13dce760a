import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { DeliveriesController } from './deliveries.controller.js';

/** The delivery log and replay routes: loaded only where this process serves the API. */
@Module({
  imports: [OutboxModule, SubscriptionsModule],
  controllers: [DeliveriesController],
})
export class DeliveriesApiModule {}
