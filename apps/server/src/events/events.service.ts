import { Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { newId } from '../common/ids.js';
import { RedisFilterState, type FilterCount } from '../infrastructure/redis-filter-state.js';
import type { Project } from '../projects/project.entity.js';
import { ProjectVersionReader } from '../projects/project-versions.js';
import { ProjectsService } from '../projects/projects.service.js';
import { evaluateFilters, type Filters } from '../subscriptions/subscription-filters.js';
import { matchesEventType } from '../subscriptions/subscription-matcher.js';
import { DeliveryMetrics } from '../metrics/delivery-metrics.js';
import { DeliveryQueue } from '../outbox/delivery-queue.js';
import type { NewDelivery } from '../outbox/delivery-store.js';
import { type LeasedDelivery, EventOutboxWriter } from '../outbox/event-outbox-writer.js';
import { type HandedDelivery, LocalHandOff } from '../outbox/local-hand-off.js';
import type { Subscription } from '../subscriptions/subscription.entity.js';
import type { SubscriptionTarget } from '../subscriptions/subscription-matchers.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';
import { EventTypesService } from '../event-types/event-types.service.js';
import { EventRecord } from './event.entity.js';
import { messageContextOf, storedEvent, type StoredEventFields } from './message-context.js';
import { MAX_EVENT_BYTES, type PublishEventDto } from './publish-event.dto.js';

export interface DryRunVerdict {
  would_deliver: boolean;
  stopped_by: string | null;
  reason: string | null;
  /** When it would be sent, if not at once (outside active hours, a paused destination). */
  deliver_at: Date | null;
}

function stopped(rule: string, reason: string): DryRunVerdict {
  return { would_deliver: false, stopped_by: rule, reason, deliver_at: null };
}

export interface PublishResult {
  id: string;
  deliveries: number;
  duplicate: boolean;
}

interface PreparedEvent {
  id: string;
  input: PublishEventDto;
  event: StoredEventFields;
  data: string;
  deliveries: NewDelivery[];
  /** What the filters counted for this event: given back when it is not stored. */
  counted: FilterCount[];
}

/**
 * Ingest: one statement writes the events and one delivery row per matching enabled
 * subscription (the outbox), then one round of enqueues. Repeated ids come back as duplicates.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly writer: EventOutboxWriter,
    private readonly queue: DeliveryQueue,
    private readonly handOff: LocalHandOff,
    private readonly metrics: DeliveryMetrics,
    private readonly projects: ProjectsService,
    private readonly versions: ProjectVersionReader,
    private readonly filterState: RedisFilterState,
    private readonly eventTypes: EventTypesService,
    @InjectRepository(EventRecord) private readonly events: Repository<EventRecord>,
  ) {}

  async publish(projectId: string, inputs: PublishEventDto[]): Promise<PublishResult[]> {
    // One read tells whether this replica's schemas and matcher of the project are current.
    const versions = await this.versions.read(projectId);
    await this.eventTypes.checkData(projectId, inputs, versions.eventTypes);
    const matches = await this.subscriptions.matching(projectId, [...new Set(inputs.map((input) => input.type))], versions.subscriptions);
    const targets = (input: PublishEventDto) =>
      matches.filter((match) => match.eventType === input.type).map((match) => match.subscription);
    // A repeated id must not spend filter counts: find the repeats before the filters run.
    const counting = matches.some((match) => match.subscription.filters);
    const published = counting ? await this.publishedIds(projectId, inputs) : new Set<string>();
    return this.persist(projectId, await this.prepare(inputs, targets, projectId, published));
  }

  /** Publishes an event of Herald's own to chosen subscriptions, whatever their event types (failure notices). */
  async publishTo(projectId: string, input: PublishEventDto, audience: Subscription[]): Promise<PublishResult> {
    const [result] = await this.persist(projectId, await this.prepare([input], () => audience, projectId));
    return result!;
  }

  private async persist(projectId: string, prepared: PreparedEvent[]): Promise<PublishResult[]> {
    let written: Awaited<ReturnType<EventsService['write']>>;
    try {
      written = await this.write(projectId, prepared);
    } catch (error) {
      await this.giveBack(prepared);
      throw error;
    }
    const { results, due, fresh, leased } = written;
    // Repeats that raced past the look-up (another publish stored the id meanwhile) count nothing.
    await this.giveBack(prepared.filter((event) => !fresh.has(event.id)));
    // Stored is what a 202 promises; the queue is a hint the sweeper repairs, so the answer need not wait for it.
    void this.queue.enqueue(due);
    // The answer goes out first: the attempts start on the next turn of the event loop, not ahead of it.
    const handed = handedDeliveries(projectId, prepared, leased);
    if (handed.length > 0) setImmediate(() => this.handOff.take(handed));
    this.metrics.eventsPublished(results.filter((result) => !result.duplicate).length);
    return results;
  }

  /** Filter counts of events that were not stored are given back, so only stored events count. */
  private async giveBack(events: PreparedEvent[]): Promise<void> {
    const counted = events.flatMap((event) => event.counted);
    // Best effort: a Redis error here must not hide the publish's own outcome.
    if (counted.length > 0) await this.filterState.giveBack(counted).catch(() => undefined);
  }

  /** The publisher ids among `inputs` that the project already has. */
  private async publishedIds(projectId: string, inputs: PublishEventDto[]): Promise<Set<string>> {
    const ids = inputs.flatMap((input) => (input.id === undefined ? [] : [input.id]));
    if (ids.length === 0) return new Set();
    const rows: Array<{ idempotency_key: string }> = await this.events.query(
      'SELECT idempotency_key FROM events WHERE project_id = $1 AND idempotency_key = ANY($2::text[])',
      [projectId, ids],
    );
    return new Set(rows.map((row) => row.idempotency_key));
  }

  /** The project's event by Herald's id or by the publisher's own `id` (its idempotency key); Herald's id wins a tie. */
  async get(projectId: string, id: string): Promise<EventRecord> {
    const found = await this.events.find({
      where: [
        { id, projectId },
        { idempotencyKey: id, projectId },
      ],
      take: 2,
    });
    const event = found.find((candidate) => candidate.id === id) ?? found[0];
    if (!event) throw new NotFoundException(`event ${id} not found`);
    return event;
  }

  findById(id: string): Promise<EventRecord | null> {
    return this.events.findOneBy({ id });
  }

  private async prepare(
    inputs: PublishEventDto[],
    targets: (input: PublishEventDto) => SubscriptionTarget[],
    projectId: string,
    published: ReadonlySet<string> = new Set(),
  ): Promise<PreparedEvent[]> {
    const data = inputs.map((input, index) => {
      const json = JSON.stringify(input.data ?? {});
      if (Buffer.byteLength(json) > MAX_EVENT_BYTES) {
        throw new PayloadTooLargeException(`${inputs.length > 1 ? `events[${index}].` : ''}data is over ${MAX_EVENT_BYTES} bytes`);
      }
      return json;
    });
    const filtered = inputs.some((input) => targets(input).some((subscription) => subscription.filters));
    const project = filtered ? await this.projects.findById(projectId) : null;
    const prepared: PreparedEvent[] = [];
    const receivedAt = new Date();
    const seen = new Set(published);
    for (const [index, input] of inputs.entries()) {
      const id = newId('evt');
      const event = storedEvent(id, input, receivedAt);
      // A repeat (of an earlier event, or earlier in this batch) is answered as a duplicate and plans nothing.
      const repeat = input.id !== undefined && seen.has(input.id);
      if (input.id !== undefined) seen.add(input.id);
      const deliveries: NewDelivery[] = [];
      const counted: FilterCount[] = [];
      for (const subscription of repeat ? [] : targets(input)) {
        const plan = await this.plan(subscription, event, project, counted);
        deliveries.push({
          eventId: id,
          subscriptionId: subscription.id,
          attemptsAllowed: this.subscriptions.policyOf(subscription).maxAttempts,
          ...plan,
        });
      }
      prepared.push({ id, input, event, data: data[index]!, deliveries, counted });
    }
    return prepared;
  }

  /** Would this event go to this subscription, and if not, which rule stops it? Changes nothing. */
  async dryRun(projectId: string, subscriptionId: string, input: PublishEventDto): Promise<DryRunVerdict> {
    const subscription = await this.subscriptions.get(projectId, subscriptionId);
    if (!matchesEventType(subscription.eventTypes, input.type)) {
      return stopped('event_types', `${input.type} matches none of ${subscription.eventTypes.join(', ')}`);
    }
    if (!subscription.enabled) return stopped('disabled', subscription.disabledReason ?? 'the subscription is disabled');
    const pausedUntil = subscription.pausedUntil && subscription.pausedUntil > new Date() ? subscription.pausedUntil : null;
    if (!subscription.filters) return { would_deliver: true, stopped_by: null, reason: null, deliver_at: pausedUntil };
    const project = await this.projects.findById(projectId);
    const message = messageContextOf(storedEvent('evt_dry_run', input, new Date()), project, subscription);
    const decision = await evaluateFilters(
      subscription.filters as Filters,
      message,
      subscription.id,
      new Date(),
      this.filterState.looking(subscription.id),
    );
    if (decision.action === 'drop') return stopped(decision.rule, decision.reason);
    const at =
      [decision.at, pausedUntil].filter((date): date is Date => Boolean(date)).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    return { would_deliver: true, stopped_by: null, reason: null, deliver_at: at };
  }

  /** Whether and when one subscription gets one event: skipped when Herald disabled it, or as its filters decide. */
  private async plan(
    subscription: SubscriptionTarget,
    event: StoredEventFields,
    project: Project | null,
    counted: FilterCount[],
  ): Promise<Pick<NewDelivery, 'dueAt' | 'skippedReason'>> {
    if (!subscription.enabled) {
      this.metrics.deliverySkipped('disabled');
      return { skippedReason: `skipped: Herald disabled the subscription (${subscription.disabledReason})` };
    }
    if (!subscription.filters) return {};
    const message = messageContextOf(event, project, subscription);
    const state = this.filterState.recording(subscription.id, counted);
    const decision = await evaluateFilters(subscription.filters as Filters, message, subscription.id, new Date(), state);
    if (decision.action === 'drop') {
      this.metrics.deliverySkipped(decision.rule);
      return { skippedReason: `filtered by ${decision.rule}: ${decision.reason}` };
    }
    return decision.at ? { dueAt: decision.at } : {};
  }

  /** Events and their deliveries in one statement (shared with concurrent publishes); repeats answered with the first result. */
  private async write(projectId: string, prepared: PreparedEvent[]) {
    const { fresh, due, leased } = await this.writer.write(
      prepared.map((event) => ({
        projectId,
        id: event.id,
        idempotencyKey: event.input.id ?? null,
        type: event.event.type,
        source: event.event.source,
        subject: event.event.subject,
        time: event.event.time,
        data: event.data,
        deliveries: event.deliveries,
      })),
    );
    const originals = await this.originals(
      projectId,
      prepared.filter((event) => !fresh.has(event.id)),
    );
    const results = prepared.map((event) =>
      fresh.has(event.id)
        ? { id: event.id, deliveries: event.deliveries.filter((delivery) => !delivery.skippedReason).length, duplicate: false }
        : { ...originals.get(event.input.id!)!, duplicate: true },
    );
    return { results, due, fresh, leased };
  }

  /** The first events published under the repeated ids. */
  private async originals(projectId: string, repeats: PreparedEvent[]) {
    if (repeats.length === 0) return new Map<string, { id: string; deliveries: number }>();
    const rows: Array<{ id: string; idempotency_key: string; delivery_count: number }> = await this.events.query(
      'SELECT id, idempotency_key, delivery_count FROM events WHERE project_id = $1 AND idempotency_key = ANY($2::text[])',
      [projectId, repeats.map((event) => event.input.id)],
    );
    return new Map(rows.map((row) => [row.idempotency_key, { id: row.id, deliveries: row.delivery_count }]));
  }
}

/** The deliveries stored leased to this process, as its worker attempts them: with their events, in memory. */
function handedDeliveries(projectId: string, prepared: PreparedEvent[], leased: LeasedDelivery[]): HandedDelivery[] {
  if (leased.length === 0) return [];
  const events = new Map(prepared.map((event) => [event.id, event.event]));
  const now = new Date();
  return leased.map(({ id, eventId, subscriptionId, attemptsAllowed }) => ({
    delivery: {
      id,
      projectId,
      eventId,
      subscriptionId,
      status: 'delivering',
      attemptCount: 0,
      attemptsAllowed,
      nextAttemptAt: now,
      leaseExpiresAt: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    },
    event: events.get(eventId)!,
  }));
}
