import { Controller, Get, HttpCode, Param, Post, Query, ConflictException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { DeliveryAnswer, DeliveryPageAnswer, DeliveryWithAttemptsAnswer } from '../outbox/delivery.answers.js';
import { DeliveryQueue } from '../outbox/delivery-queue.js';
import { DeliveryStore } from '../outbox/delivery-store.js';
import { attemptView, deliveryView } from '../outbox/delivery-views.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';
import { ListDeliveriesQuery } from './list-deliveries.query.js';

const DEFAULT_PAGE = 50;

@ApiTags('deliveries')
@Controller('v1/deliveries')
@Roles('admin')
export class DeliveriesController {
  constructor(
    private readonly store: DeliveryStore,
    private readonly queue: DeliveryQueue,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The delivery log, newest first, a page at a time' })
  @ApiResponse({ status: 200, type: DeliveryPageAnswer })
  @ApiErrors(400)
  async list(@CurrentProjectId() projectId: string, @Query() query: ListDeliveriesQuery) {
    const limit = query.limit ?? DEFAULT_PAGE;
    const filter = { subscriptionId: query.subscription_id, eventId: query.event_id, status: query.status };
    const page = await this.store.list(projectId, filter, limit, query.cursor);
    return { data: page.map(deliveryView), next_cursor: page.length === limit ? page[page.length - 1]!.id : null };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One delivery with every attempt' })
  @ApiResponse({ status: 200, type: DeliveryWithAttemptsAnswer })
  @ApiErrors(404)
  async get(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    const delivery = await this.store.get(projectId, id);
    return { ...deliveryView(delivery), attempts: (await this.store.attemptsOf(id)).map(attemptView) };
  }

  /** Delivers a finished delivery again, now, with a fresh round of attempts. */
  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver a finished delivery again, now' })
  @ApiResponse({ status: 202, type: DeliveryAnswer })
  @ApiErrors(404, 409)
  async retry(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    const delivery = await this.store.get(projectId, id);
    const subscription = await this.subscriptions.get(projectId, delivery.subscriptionId);
    const retried = await this.store.retryNow(projectId, id, this.subscriptions.policyOf(subscription).maxAttempts);
    if (!retried) throw new ConflictException(`delivery ${id} is ${delivery.status}; only a succeeded or failed delivery can be retried`);
    await this.queue.enqueue([{ id: retried.id, dueAt: retried.nextAttemptAt! }]);
    return deliveryView(retried);
  }
}
