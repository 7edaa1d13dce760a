import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** Prometheus figures of the delivery pipeline. */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: Counter<'channel' | 'outcome'>;
  private readonly durations: Histogram<'channel'>;
  private readonly published: Counter;

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
    this.published = new Counter({
      name: 'herald_events_published_total',
      help: 'Events stored (duplicates excluded).',
      registers: [registry],
    });
  }

  observe(channel: string, outcome: string, durationMs: number): void {
    this.attempts.inc({ channel, outcome });
    this.durations.observe({ channel }, durationMs / 1000);
  }

  eventsPublished(count: number): void {
    this.published.inc(count);
  }
}
