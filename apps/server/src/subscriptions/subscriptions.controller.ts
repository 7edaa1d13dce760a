import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { sampleMessageContext } from '@herald/channel-sdk';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ChannelSender } from '../channels/channel-sender.js';
import { DeliveryQueue } from '../outbox/delivery-queue.js';
import { DeliveryStore } from '../outbox/delivery-store.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ProjectsService } from '../projects/projects.service.js';
import { EventTypesService } from '../event-types/event-types.service.js';
import { unknownEventTypeWarnings } from './event-type-warnings.js';
import { CreateSubscriptionDto, RedeliverDto, UpdateSubscriptionDto } from './subscription.dto.js';
import {
  RedeliverAnswer,
  SavedSubscriptionAnswer,
  SubscriptionAnswer,
  SubscriptionListAnswer,
  SubscriptionStatsAnswer,
  TestSendAnswer,
} from './subscription.answers.js';
import { StatsQuery, statsWindow } from './stats-window.js';
import { SubscriptionsService } from './subscriptions.service.js';

@ApiTags('subscriptions')
@Controller('v1/subscriptions')
@Roles('admin')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly projects: ProjectsService,
    private readonly sender: ChannelSender,
    private readonly deliveries: DeliveryStore,
    private readonly queue: DeliveryQueue,
    private readonly eventTypes: EventTypesService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a subscription',
    description: "The config is validated against the action's schema now, not first at delivery.",
  })
  @ApiResponse({ status: 201, type: SavedSubscriptionAnswer })
  @ApiErrors(400)
  async create(@CurrentProjectId() projectId: string, @Body() input: CreateSubscriptionDto) {
    const subscription = await this.subscriptions.create(projectId, input);
    return { ...this.subscriptions.view(subscription), warnings: await this.warnings(projectId, subscription.eventTypes) };
  }

  @Get()
  @ApiOperation({ summary: "The project's subscriptions, newest first" })
  @ApiResponse({ status: 200, type: SubscriptionListAnswer })
  async list(@CurrentProjectId() projectId: string) {
    return { data: (await this.subscriptions.list(projectId)).map((subscription) => this.subscriptions.view(subscription)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription' })
  @ApiResponse({ status: 200, type: SubscriptionAnswer })
  @ApiErrors(404)
  async get(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    return this.subscriptions.view(await this.subscriptions.get(projectId, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a subscription',
    description: 'Only the fields sent change; `enabled: true` also clears a pause or a disabling by Herald.',
  })
  @ApiResponse({ status: 200, type: SavedSubscriptionAnswer })
  @ApiErrors(400, 404)
  async update(@CurrentProjectId() projectId: string, @Param('id') id: string, @Body() changes: UpdateSubscriptionDto) {
    const subscription = await this.subscriptions.update(projectId, id, changes);
    return { ...this.subscriptions.view(subscription), warnings: await this.warnings(projectId, subscription.eventTypes) };
  }

  /** Event types no catalog or registration knows: allowed, and said. */
  private async warnings(projectId: string, eventTypes: string[]) {
    return unknownEventTypeWarnings(eventTypes, await this.eventTypes.registeredTypes(projectId));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its deliveries' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrors(404)
  async remove(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    await this.subscriptions.remove(projectId, id);
  }

  /** Sends a sample event now, outside the queue and the log, and returns what the platform said. */
  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a sample message now', description: 'Outside the queue and the log; returns what the platform answered.' })
  @ApiResponse({ status: 200, type: TestSendAnswer })
  @ApiErrors(404)
  async test(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    const { subscription, action, config } = this.subscriptions.resolve(await this.subscriptions.get(projectId, id));
    const project = (await this.projects.findById(projectId))!;
    const message = sampleMessageContext(
      { id: project.id, key: project.key, name: project.name },
      { id: subscription.id, name: subscription.name },
    );
    const timeoutMs = subscription.retryPolicy?.timeout_ms ?? action.defaults.timeoutMs;
    const outcome = await this.sender.send(action, config, message, { id: `dlv_test_${Date.now().toString(36)}`, attempt: 1 }, timeoutMs);
    return {
      outcome: outcome.status,
      reason: 'reason' in outcome ? outcome.reason : null,
      retry_after_ms: outcome.status === 'retry' ? (outcome.retryAfterMs ?? null) : null,
      request: outcome.request ?? null,
      response: outcome.response ?? null,
    };
  }

  /** Bulk recovery: every failed delivery of the subscription since a time, delivered again now. */
  @Post(':id/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver again every failed delivery since a time' })
  @ApiResponse({ status: 202, type: RedeliverAnswer })
  @ApiErrors(400, 404)
  async redeliver(@CurrentProjectId() projectId: string, @Param('id') id: string, @Body() input: RedeliverDto) {
    const subscription = await this.subscriptions.get(projectId, id);
    const round = this.subscriptions.policyOf(subscription).maxAttempts;
    const due = await this.deliveries.retryFailedSince(projectId, subscription.id, new Date(input.since), round);
    await this.queue.enqueue(due);
    return { redelivered: due.length, delivery_ids: due.map((delivery) => delivery.id) };
  }

  @Get(':id/stats')
  @ApiOperation({ summary: 'Delivery totals, success rate and last failure' })
  @ApiResponse({ status: 200, type: SubscriptionStatsAnswer })
  @ApiErrors(404)
  async stats(@CurrentProjectId() projectId: string, @Param('id') id: string, @Query() query: StatsQuery) {
    const { bucketMs, buckets } = statsWindow(query.window, query.bucket);
    const subscription = await this.subscriptions.get(projectId, id);
    const [totals, series] = await Promise.all([
      this.deliveries.statsOf(projectId, subscription.id),
      this.deliveries.seriesOf(projectId, subscription.id, bucketMs, buckets),
    ]);
    return { subscription_id: subscription.id, ...totals, window: query.window ?? '24h', bucket: query.bucket ?? '1h', series };
  }
}
