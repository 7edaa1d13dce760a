import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** Prometheus figures of the delivery pipeline; each costs a counter or histogram update, nothing more. */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: Counter<'channel' | 'outcome'>;
  private readonly durations: Histogram<'channel'>;
  private readonly latency: Histogram<'channel'>;
  private readonly published: Counter;
  private readonly skipped: Counter<'rule'>;

  constructor(registry: Registry) {
    this.attempts = new Counter({
      name: 'herald_delivery_attempts_total',
      help: 'Delivery attempts by channel and outcome (delivered, retry, failed).',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    });
    this.durations = new Histogram({
      name: 'herald_delivery_attempt_duration_seconds',
      help: 'Time from the start of an attempt to the platform answer.',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'herald_delivery_latency_seconds',
      help: 'Time from the publish of an event to its delivery to the platform, retries and waits included.',
      labelNames: ['channel'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400],
      registers: [registry],
    });
    this.published = new Counter({
      name: 'herald_events_published_total',
      help: 'Events stored (duplicates excluded).',
      registers: [registry],
    });
    this.skipped = new Counter({
      name: 'herald_deliveries_skipped_total',
      help: 'Deliveries recorded but not sent, by the rule that stopped them (a filter rule, or disabled).',
      labelNames: ['rule'],
      registers: [registry],
    });
  }

  /** One attempt; when it delivered, also the time since the event was published (`publishedAt`). */
  observe(channel: string, outcome: string, durationMs: number, publishedAt?: Date): void {
    this.attempts.inc({ channel, outcome });
    this.durations.observe({ channel }, durationMs / 1000);
    if (outcome === 'delivered' && publishedAt) this.latency.observe({ channel }, (Date.now() - publishedAt.getTime()) / 1000);
  }

  eventsPublished(count: number): void {
    this.published.inc(count);
  }

  deliverySkipped(rule: string): void {
    this.skipped.inc({ rule });
  }
}
