import { Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { newId } from '../common/ids.js';
import { DeliveryMetrics } from '../metrics/delivery-metrics.js';
import { DeliveryQueue } from '../outbox/delivery-queue.js';
import { DeliveryStore, type NewDelivery } from '../outbox/delivery-store.js';
import type { Subscription } from '../subscriptions/subscription.entity.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';
import { EventRecord } from './event.entity.js';
import { MAX_EVENT_BYTES, type PublishEventDto } from './publish-event.dto.js';

export interface PublishResult {
  id: string;
  deliveries: number;
  duplicate: boolean;
}

interface PreparedEvent {
  id: string;
  input: PublishEventDto;
  data: string;
  deliveries: NewDelivery[];
}

/**
 * Ingest: one transaction writes the events and one delivery row per matching enabled
 * subscription (the outbox), then one round of enqueues. Repeated ids come back as duplicates.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionsService,
    private readonly store: DeliveryStore,
    private readonly queue: DeliveryQueue,
    private readonly metrics: DeliveryMetrics,
    @InjectRepository(EventRecord) private readonly events: Repository<EventRecord>,
  ) {}

  async publish(projectId: string, inputs: PublishEventDto[]): Promise<PublishResult[]> {
    const matches = await this.subscriptions.matching(projectId, [...new Set(inputs.map((input) => input.type))]);
    const targets = (input: PublishEventDto) => matches.filter((match) => match.eventType === input.type).map((match) => match.subscription);
    return this.persist(projectId, await this.prepare(inputs, targets));
  }

  /** Publishes an event of Herald's own to chosen subscriptions, whatever their event types (failure notices). */
  async publishTo(projectId: string, input: PublishEventDto, audience: Subscription[]): Promise<PublishResult> {
    const [result] = await this.persist(projectId, await this.prepare([input], () => audience));
    return result!;
  }

  private async persist(projectId: string, prepared: PreparedEvent[]): Promise<PublishResult[]> {
    const { results, due } = await this.dataSource.transaction((manager) => this.write(manager, projectId, prepared));
    await this.queue.enqueue(due);
    this.metrics.eventsPublished(results.filter((result) => !result.duplicate).length);
    return results;
  }

  async get(projectId: string, id: string): Promise<EventRecord> {
    const event = await this.events.findOneBy({ id, projectId });
    if (!event) throw new NotFoundException(`event ${id} not found`);
    return event;
  }

  findById(id: string): Promise<EventRecord | null> {
    return this.events.findOneBy({ id });
  }

  private async prepare(inputs: PublishEventDto[], targets: (input: PublishEventDto) => Subscription[]): Promise<PreparedEvent[]> {
    return inputs.map((input, index) => {
      const data = JSON.stringify(input.data ?? {});
      if (Buffer.byteLength(data) > MAX_EVENT_BYTES) {
        throw new PayloadTooLargeException(`${inputs.length > 1 ? `events[${index}].` : ''}data is over ${MAX_EVENT_BYTES} bytes`);
      }
      const id = newId('evt');
      const deliveries = targets(input).map((subscription) => ({
        eventId: id,
        subscriptionId: subscription.id,
        attemptsAllowed: this.subscriptions.attemptsPerRound(subscription),
        ...(subscription.enabled ? {} : { skippedReason: `skipped: Herald disabled the subscription (${subscription.disabledReason})` }),
      }));
      return { id, input, data, deliveries };
    });
  }

  private async write(manager: EntityManager, projectId: string, prepared: PreparedEvent[]) {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO events (id, project_id, idempotency_key, type, source, subject, time, data, delivery_count)
       SELECT id, $1, key, type, source, subject, time, data, deliveries
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::jsonb[], $9::int[])
         AS t(id, key, type, source, subject, time, data, deliveries)
       ON CONFLICT (project_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        projectId,
        prepared.map((event) => event.id),
        prepared.map((event) => event.input.id ?? null),
        prepared.map((event) => event.input.type),
        prepared.map((event) => event.input.source ?? 'api'),
        prepared.map((event) => event.input.subject ?? null),
        prepared.map((event) => event.input.time ?? new Date().toISOString()),
        prepared.map((event) => event.data),
        prepared.map((event) => event.deliveries.filter((delivery) => !delivery.skippedReason).length),
      ],
    );
    const fresh = new Set(inserted.map((row) => row.id));
    const due = await this.store.insertPending(manager, projectId, prepared.filter((event) => fresh.has(event.id)).flatMap((event) => event.deliveries));
    const originals = await this.originals(manager, projectId, prepared.filter((event) => !fresh.has(event.id)));
    const results = prepared.map((event) =>
      fresh.has(event.id)
        ? { id: event.id, deliveries: event.deliveries.filter((delivery) => !delivery.skippedReason).length, duplicate: false }
        : { ...originals.get(event.input.id!)!, duplicate: true },
    );
    return { results, due };
  }

  /** The first events published under the repeated ids. */
  private async originals(manager: EntityManager, projectId: string, repeats: PreparedEvent[]) {
    if (repeats.length === 0) return new Map<string, { id: string; deliveries: number }>();
    const rows: Array<{ id: string; idempotency_key: string; delivery_count: number }> = await manager.query(
      'SELECT id, idempotency_key, delivery_count FROM events WHERE project_id = $1 AND idempotency_key = ANY($2::text[])',
      [projectId, repeats.map((event) => event.input.id)],
    );
    return new Map(rows.map((row) => [row.idempotency_key, { id: row.id, deliveries: row.delivery_count }]));
  }
}
