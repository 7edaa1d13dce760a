import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { EventTypesModule } from '../event-types/event-types.module.js';
import { EventRecord } from './event.entity.js';
import { EventLogService } from './event-log.service.js';
import { DryRunController } from './dry-run.controller.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([EventRecord]), SubscriptionsModule, OutboxModule, ProjectsModule, EventTypesModule],
  controllers: [EventsController, DryRunController],
  providers: [EventsService, EventLogService],
  exports: [EventsService],
})
export class EventsModule {}
