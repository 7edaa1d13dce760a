import { Injectable } from '@nestjs/common';
import type { StoredEventFields } from '../events/message-context.js';
import type { Delivery } from './delivery.entity.js';

/** A delivery stored already claimed by this process, with the event its attempt renders. */
export interface HandedDelivery {
  delivery: Delivery;
  event: StoredEventFields;
}

/** What takes handed deliveries: the delivery worker of this process, when it runs one. */
export interface HandOffTaker {
  /** How long a handed delivery's lease lasts, from the statement that stores it. */
  readonly leaseMs: number;
  /** Reserves room for up to `wanted` deliveries; answers how many it will take. */
  reserve(wanted: number): number;
  /** Gives back reserved room that was not used (a failed write, a duplicate event). */
  cancel(count: number): void;
  /** Starts the attempts of stored deliveries whose room was reserved. */
  take(handed: HandedDelivery[]): void;
}

/**
 * The short way from publish to send inside one process. When this process also works the queue,
 * a publish stores its due deliveries already leased to this process (status `delivering`, a lease
 * as long as a worker's claim) and hands them straight to the worker: no queue job and no claim
 * statement. The rows stay the truth: should the process die, the leases lapse and the sweeper
 * queues the deliveries again for any worker, as it does for a worker killed mid-attempt. Without
 * a worker here (the api role), or when the worker has no room, deliveries go through the queue.
 */
@Injectable()
export class LocalHandOff {
  private taker?: HandOffTaker;

  attach(taker: HandOffTaker): void {
    this.taker = taker;
  }

  detach(taker: HandOffTaker): void {
    if (this.taker === taker) this.taker = undefined;
  }

  get leaseMs(): number {
    return this.taker?.leaseMs ?? 0;
  }

  reserve(wanted: number): number {
    return wanted > 0 && this.taker ? this.taker.reserve(wanted) : 0;
  }

  cancel(count: number): void {
    if (count > 0) this.taker?.cancel(count);
  }

  take(handed: HandedDelivery[]): void {
    if (handed.length > 0) this.taker?.take(handed);
  }
}
