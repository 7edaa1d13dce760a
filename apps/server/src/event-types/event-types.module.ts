import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogsController } from '../catalogs/catalogs.controller.js';
import { RegisteredEventType } from './event-type.entity.js';
import { EventTypesController } from './event-types.controller.js';
import { EventTypesService } from './event-types.service.js';

/** The built-in catalogs and the project's registered event types, with the schema check of publishes. */
@Module({
  imports: [TypeOrmModule.forFeature([RegisteredEventType])],
  controllers: [CatalogsController, EventTypesController],
  providers: [EventTypesService],
  exports: [EventTypesService],
})
export class EventTypesModule {}
