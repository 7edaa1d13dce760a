import { Module } from '@nestjs/common';
import { EventTypesModule } from '../event-types/event-types.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsModule } from './subscriptions.module.js';
import { TemplatePreviewController } from './template-preview.controller.js';

/** The /v1/subscriptions routes: loaded only where this process serves the API. */
@Module({
  imports: [SubscriptionsModule, ProjectsModule, OutboxModule, EventTypesModule],
  controllers: [SubscriptionsController, TemplatePreviewController],
})
export class SubscriptionsApiModule {}
