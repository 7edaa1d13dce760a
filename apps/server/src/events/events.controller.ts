import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { DeliveryStore } from '../outbox/delivery-store.js';
import { deliveryView } from '../outbox/delivery-views.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { EventPageAnswer, EventWithDeliveriesAnswer, PublishBatchAnswer, PublishResultAnswer } from './event.answers.js';
import { EventLogService, eventView } from './event-log.service.js';
import { EventsService } from './events.service.js';
import { ListEventsQuery } from './list-events.query.js';
import { PublishBatchDto, PublishEventDto } from './publish-event.dto.js';

const DEFAULT_PAGE = 50;

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly deliveries: DeliveryStore,
    private readonly log: EventLogService,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('publisher', 'admin')
  @ApiOperation({
    summary: 'Publish one event',
    description: 'Stores the event and one delivery per matching subscription, then queues them.',
  })
  @ApiResponse({ status: 202, type: PublishResultAnswer })
  @ApiErrors(400, 413)
  async publish(@CurrentProjectId() projectId: string, @Body() input: PublishEventDto) {
    const [result] = await this.events.publish(projectId, [input]);
    return result;
  }

  @Post('batch')
  @HttpCode(202)
  @Roles('publisher', 'admin')
  @ApiOperation({ summary: 'Publish up to 500 events in one call', description: 'All or nothing: one invalid event refuses the batch.' })
  @ApiResponse({ status: 202, type: PublishBatchAnswer })
  @ApiErrors(400, 413)
  async publishBatch(@CurrentProjectId() projectId: string, @Body() input: PublishBatchDto) {
    return { results: await this.events.publish(projectId, input.events) };
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Published events, newest first, a page at a time' })
  @ApiResponse({ status: 200, type: EventPageAnswer })
  @ApiErrors(400)
  async list(@CurrentProjectId() projectId: string, @Query() query: ListEventsQuery) {
    const limit = query.limit ?? DEFAULT_PAGE;
    const filter = {
      type: query.type,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
    };
    const page = await this.log.list(projectId, filter, limit, query.cursor);
    return { data: page.map(eventView), next_cursor: page.length === limit ? page[page.length - 1]!.id : null };
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One event and its deliveries' })
  @ApiResponse({ status: 200, type: EventWithDeliveriesAnswer })
  @ApiErrors(404)
  async get(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    const event = await this.events.get(projectId, id);
    const deliveries = await this.deliveries.listByEvent(projectId, event.id);
    return { ...eventView(event), deliveries: deliveries.map(deliveryView) };
  }
}
