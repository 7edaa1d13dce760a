import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { PutEventTypeDto } from './event-type.dto.js';
import { EventTypesService } from './event-types.service.js';

@Controller('v1/event-types')
export class EventTypesController {
  constructor(private readonly eventTypes: EventTypesService) {}

  /** The built-in catalogs' types and the project's own, or one catalog's (`project` for the project's own). */
  @Get()
  @Roles('admin', 'publisher')
  async list(@CurrentProjectId() projectId: string, @Query('catalog') catalog?: string) {
    return { data: await this.eventTypes.list(projectId, catalog) };
  }

  @Put(':type')
  @Roles('admin')
  put(@CurrentProjectId() projectId: string, @Param('type') type: string, @Body() input: PutEventTypeDto) {
    return this.eventTypes.put(projectId, type, input);
  }

  @Delete(':type')
  @HttpCode(204)
  @Roles('admin')
  async remove(@CurrentProjectId() projectId: string, @Param('type') type: string) {
    await this.eventTypes.remove(projectId, type);
  }
}
