import { afterEach, describe, expect, it, jest } from '@jest/globals';
import pLimit from 'p-limit';
import type { ChannelRegistry } from '../channels/channel-registry.js';
import type { HeraldConfig } from '../config/herald-config.js';
import type { Delivery } from '../outbox/delivery.entity.js';
import type { DeliveryStore } from '../outbox/delivery-store.js';
import { type HandedDelivery, LocalHandOff } from '../outbox/local-hand-off.js';
import type { AttemptSlots } from './attempt-slots.js';
import type { DeliveryAttemptService } from './delivery-attempt.service.js';
import { LocalDispatcher } from './local-dispatcher.js';

const LEASE_MS = 20_000;

/** One attempt at a time; each attempt waits until the test lets it finish. */
function dispatcherWith(options: { limit?: number; leaseStillOurs?: boolean } = {}) {
  const sent: string[] = [];
  const finish: Array<() => void> = [];
  const released: string[] = [];
  const renewed: string[] = [];
  const attempts = {
    attempt: (delivery: Delivery) => {
      sent.push(delivery.id);
      return new Promise<void>((resolve) => finish.push(resolve));
    },
  } as unknown as DeliveryAttemptService;
  const store = {
    release: async (id: string) => void released.push(id),
    renewLease: async (id: string) => {
      renewed.push(id);
      return options.leaseStillOurs ?? true;
    },
  } as unknown as DeliveryStore;
  const handOff = new LocalHandOff();
  const dispatcher = new LocalDispatcher(
    { handOffLimit: options.limit ?? 10, leaseMarginMs: LEASE_MS - 5_000 } as HeraldConfig,
    { usualTimeoutMs: () => 5_000 } as unknown as ChannelRegistry,
    handOff,
    { run: pLimit(1) } as AttemptSlots,
    attempts,
    store,
  );
  dispatcher.onApplicationBootstrap();
  return { dispatcher, handOff, sent, finish, released, renewed };
}

function handed(id: string): HandedDelivery {
  const delivery = { id, projectId: 'prj_1', subscriptionId: 'sub_1', attemptCount: 0, attemptsAllowed: 5 } as Delivery;
  return { delivery, event: { id: 'evt_1', type: 'order.paid', source: 'api', time: new Date(), subject: null, data: {} } };
}

/** Lets the attempts the slots started run up to their first wait. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('LocalDispatcher: deliveries handed over at publish', () => {
  afterEach(() => jest.useRealTimers());

  it('takes no more than its limit; room comes back when a write fails and when deliveries finish', async () => {
    const { handOff, finish } = dispatcherWith({ limit: 3 });
    expect(handOff.reserve(2)).toBe(2);
    expect(handOff.reserve(5)).toBe(1);
    expect(handOff.reserve(1)).toBe(0);
    handOff.cancel(1); // a write that failed gives its room back
    handOff.take([handed('dlv_a'), handed('dlv_b')]);
    expect(handOff.reserve(5)).toBe(1);
    await settle();
    finish.shift()!();
    await settle();
    expect(handOff.reserve(5)).toBe(1);
  });

  it('sends a delivery that waited past half its lease only after renewing the lease', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const { handOff, sent, finish, renewed } = dispatcherWith();
    handOff.reserve(2);
    handOff.take([handed('dlv_first'), handed('dlv_waiting')]);
    await settle();
    expect(sent).toEqual(['dlv_first']);
    jest.setSystemTime(Date.now() + LEASE_MS * 0.6);
    finish.shift()!();
    await settle();
    expect(renewed).toEqual(['dlv_waiting']);
    expect(sent).toEqual(['dlv_first', 'dlv_waiting']);
  });

  it('does not send a delivery whose lease lapsed while it waited: another worker may hold it', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const { handOff, sent, finish, renewed } = dispatcherWith({ leaseStillOurs: false });
    handOff.reserve(2);
    handOff.take([handed('dlv_first'), handed('dlv_late')]);
    await settle();
    jest.setSystemTime(Date.now() + LEASE_MS * 1.5);
    finish.shift()!();
    await settle();
    expect(renewed).toEqual(['dlv_late']);
    expect(sent).toEqual(['dlv_first']);
  });

  it('on shutdown takes no more, hands back those not started, and waits for those started', async () => {
    const { dispatcher, handOff, sent, finish, released } = dispatcherWith();
    handOff.reserve(2);
    handOff.take([handed('dlv_started'), handed('dlv_queued')]);
    await settle();
    let stopped = false;
    const stopping = dispatcher.beforeApplicationShutdown().then(() => {
      stopped = true;
    });
    expect(handOff.reserve(1)).toBe(0);
    await settle();
    expect(stopped).toBe(false);
    finish.shift()!();
    await stopping;
    expect(sent).toEqual(['dlv_started']);
    expect(released).toEqual(['dlv_queued']);
  });
});
