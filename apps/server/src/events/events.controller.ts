import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { DeliveryStore } from '../outbox/delivery-store.js';
import { deliveryView } from '../outbox/delivery-views.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { EventWithDeliveriesAnswer, PublishBatchAnswer, PublishResultAnswer } from './event.answers.js';
import { EventsService } from './events.service.js';
import { PublishBatchDto, PublishEventDto } from './publish-event.dto.js';

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly deliveries: DeliveryStore,
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

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One event and its deliveries' })
  @ApiResponse({ status: 200, type: EventWithDeliveriesAnswer })
  @ApiErrors(404)
  async get(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    const event = await this.events.get(projectId, id);
    const deliveries = await this.deliveries.listByEvent(projectId, id);
    return {
      id: event.id,
      idempotency_key: event.idempotencyKey,
      type: event.type,
      source: event.source,
      subject: event.subject,
      time: event.time,
      data: event.data,
      received_at: event.receivedAt,
      deliveries: deliveries.map(deliveryView),
    };
  }
}
