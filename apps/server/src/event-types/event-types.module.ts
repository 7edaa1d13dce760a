import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegisteredEventType } from './event-type.entity.js';
import { EventTypesService } from './event-types.service.js';

/**
 * The project's registered event types, with the schema check of publishes, as a service; the
 * catalog and event-type routes are in EventTypesApiModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegisteredEventType])],
  providers: [EventTypesService],
  exports: [EventTypesService],
})
export class EventTypesModule {}
