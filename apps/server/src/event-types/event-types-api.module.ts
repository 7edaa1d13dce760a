import { Module } from '@nestjs/common';
import { CatalogsController } from '../catalogs/catalogs.controller.js';
import { EventTypesController } from './event-types.controller.js';
import { EventTypesModule } from './event-types.module.js';

/** GET /v1/catalogs and /v1/event-types: loaded only where this process serves the API. */
@Module({
  imports: [EventTypesModule],
  controllers: [CatalogsController, EventTypesController],
})
export class EventTypesApiModule {}
