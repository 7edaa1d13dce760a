import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Subscription } from './subscription.entity.js';
import { SubscriptionMatchers } from './subscription-matchers.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Subscriptions as a service, for the API and the workers alike; the routes are in SubscriptionsApiModule. */
@Module({
  imports: [TypeOrmModule.forFeature([Subscription])],
  providers: [SubscriptionsService, SubscriptionMatchers],
  exports: [SubscriptionsService],
})
export class SubscriptionsModule {}
