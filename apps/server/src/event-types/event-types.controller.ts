import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { EventTypeAnswer, EventTypeListAnswer } from './event-type.answers.js';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { PutEventTypeDto } from './event-type.dto.js';
import { EventTypesService } from './event-types.service.js';

@ApiTags('event types')
@Controller('v1/event-types')
export class EventTypesController {
  constructor(private readonly eventTypes: EventTypesService) {}

  /** The built-in catalogs' types and the project's own, or one catalog's (`project` for the project's own). */
  @Get()
  @Roles('admin', 'publisher')
  @ApiOperation({ summary: 'Event types: the built-in catalogs’ and the project’s own' })
  @ApiQuery({ name: 'catalog', required: false, description: 'One catalog only: a built-in id or `project`', example: 'feishu_project' })
  @ApiResponse({ status: 200, type: EventTypeListAnswer })
  @ApiErrors(400)
  async list(@CurrentProjectId() projectId: string, @Query('catalog') catalog?: string) {
    return { data: await this.eventTypes.list(projectId, catalog) };
  }

  @Put(':type')
  @Roles('admin')
  @ApiOperation({
    summary: 'Register or describe an event type of the project',
    description: 'With a schema, every publish of the type must match it (400 naming the failing path). Fields left out are removed.',
  })
  @ApiResponse({ status: 200, type: EventTypeAnswer })
  @ApiErrors(400, 409)
  put(@CurrentProjectId() projectId: string, @Param('type') type: string, @Body() input: PutEventTypeDto) {
    return this.eventTypes.put(projectId, type, input);
  }

  @Delete(':type')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Forget a registered event type (its schema no longer applies)' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrors(404)
  async remove(@CurrentProjectId() projectId: string, @Param('type') type: string) {
    await this.eventTypes.remove(projectId, type);
  }
}
