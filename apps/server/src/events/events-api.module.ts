import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { DryRunController } from './dry-run.controller.js';
import { EventsController } from './events.controller.js';
import { EventsModule } from './events.module.js';

/** The /v1/events routes and the dry run: loaded only where this process serves the API. */
@Module({
  imports: [EventsModule, OutboxModule],
  controllers: [EventsController, DryRunController],
})
export class EventsApiModule {}
