import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { EventTypesModule } from '../event-types/event-types.module.js';
import { EventRecord } from './event.entity.js';
import { EventLogService } from './event-log.service.js';
import { EventsService } from './events.service.js';

/** Ingest and fan-out as a service (the workers publish failure notices through it); the routes are in EventsApiModule. */
@Module({
  imports: [TypeOrmModule.forFeature([EventRecord]), SubscriptionsModule, OutboxModule, ProjectsModule, EventTypesModule],
  providers: [EventsService, EventLogService],
  exports: [EventsService, EventLogService],
})
export class EventsModule {}
