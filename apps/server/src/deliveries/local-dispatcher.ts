import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ChannelRegistry } from '../channels/channel-registry.js';
import { withTimeout } from '../common/with-timeout.js';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { DeliveryStore } from '../outbox/delivery-store.js';
import { type HandedDelivery, type HandOffTaker, LocalHandOff } from '../outbox/local-hand-off.js';
import { AttemptSlots } from './attempt-slots.js';
import { DeliveryAttemptService } from './delivery-attempt.service.js';

/**
 * Attempts the deliveries a publish in this process stored leased to it (see LocalHandOff), in the
 * same attempt slots as the queue's jobs. It takes at most HERALD_HANDOFF_LIMIT at a time; beyond
 * that, publishes queue their deliveries. A delivery that waited for a slot past half its lease has
 * its lease renewed before it is sent, if it has not lapsed; one whose lease lapsed while it waited
 * is not sent from here (the sweeper has queued it for whichever worker claims it).
 * On shutdown it takes no more; those not yet started are handed back (pending, due now) for any
 * worker, and those started finish.
 */
@Injectable()
export class LocalDispatcher implements HandOffTaker, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LocalDispatcher.name);
  readonly leaseMs: number;
  private readonly usualTimeoutMs: number;
  /** Room reserved by publishes whose statements are in flight. */
  private reserved = 0;
  /** Handed deliveries not yet finished. */
  private held = 0;
  private closing = false;
  private settled?: () => void;

  constructor(
    @Inject(HERALD_CONFIG) private readonly config: HeraldConfig,
    registry: ChannelRegistry,
    private readonly handOff: LocalHandOff,
    private readonly slots: AttemptSlots,
    private readonly attempts: DeliveryAttemptService,
    private readonly store: DeliveryStore,
  ) {
    this.usualTimeoutMs = registry.usualTimeoutMs();
    this.leaseMs = this.usualTimeoutMs + config.leaseMarginMs;
  }

  onApplicationBootstrap(): void {
    if (this.config.handOffLimit > 0) this.handOff.attach(this);
  }

  reserve(wanted: number): number {
    if (this.closing) return 0;
    const granted = Math.max(0, Math.min(wanted, this.config.handOffLimit - this.reserved - this.held));
    this.reserved += granted;
    return granted;
  }

  cancel(count: number): void {
    this.reserved -= count;
    this.checkSettled();
  }

  take(handed: HandedDelivery[]): void {
    this.reserved -= handed.length;
    this.held += handed.length;
    const handedAt = Date.now();
    for (const item of handed) {
      void this.slots
        .run(() => this.attempt(item, handedAt))
        .catch((error: Error) => {
          // The row stays leased; when the lease lapses the sweeper queues it for another attempt.
          this.logger.warn(`delivery ${item.delivery.id} will be attempted again after its lease: ${error.message}`);
        })
        .finally(() => {
          this.held -= 1;
          this.checkSettled();
        });
    }
  }

  private async attempt({ delivery, event }: HandedDelivery, handedAt: number): Promise<void> {
    if (this.closing) return this.store.release(delivery.id, new Date());
    const waited = Date.now() - handedAt;
    if (waited > this.leaseMs / 2 && !(await this.store.renewLease(delivery.id, this.leaseMs))) {
      this.logger.warn(`delivery ${delivery.id} waited ${waited} ms for a slot, past its lease: left to the worker that claims it`);
      return;
    }
    await this.attempts.attempt(delivery, event, this.usualTimeoutMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.reserved + this.held > 0) {
      this.logger.log(`waiting for ${this.held} handed deliveries to finish (${this.reserved} more being stored)`);
      const settled = new Promise<void>((resolve) => {
        this.settled = resolve;
      });
      // Bounded by the lease: past it, a delivery still here is another worker's to take anyway.
      await withTimeout(settled, this.leaseMs, `${this.held} handed deliveries did not finish within their lease`).catch((error: Error) =>
        this.logger.warn(`${error.message}; their leases lapse and another worker takes them`),
      );
    }
    this.handOff.detach(this);
  }

  private checkSettled(): void {
    if (this.closing && this.reserved + this.held === 0) this.settled?.();
  }
}
