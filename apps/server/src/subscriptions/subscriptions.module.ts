import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventTypesModule } from '../event-types/event-types.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { Subscription } from './subscription.entity.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionMatchers } from './subscription-matchers.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { TemplatePreviewController } from './template-preview.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([Subscription]), ProjectsModule, OutboxModule, EventTypesModule],
  controllers: [SubscriptionsController, TemplatePreviewController],
  providers: [SubscriptionsService, SubscriptionMatchers],
  exports: [SubscriptionsService],
})
export class SubscriptionsModule {}
