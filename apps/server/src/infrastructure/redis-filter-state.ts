import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { FilterState } from '../subscriptions/subscription-filters.js';
import type { RedisRateLimiter } from './redis-rate-limiter.js';

/** One count a publish made, to be given back when its event is not stored after all. */
export type FilterCount =
  | { kind: 'frequency'; destination: string; limit: { max: number; perMs: number }; token: string; at: number }
  | { kind: 'dedupe'; key: string };

/** The counters of subscription filters in Redis, shared by every replica. */
export class RedisFilterState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limiter: RedisRateLimiter,
  ) {}

  /** Counts what it is asked about, for publishing; each count is added to `counted`, so it can be given back. */
  recording(subscriptionId: string, counted: FilterCount[] = []): FilterState {
    return {
      frequencyAllows: async (max, perSeconds) => {
        const count = {
          kind: 'frequency',
          destination: `frequency:${subscriptionId}`,
          limit: { max, perMs: perSeconds * 1000 },
          token: randomUUID(),
          at: Date.now(),
        } as const;
        const admitted = (await this.limiter.acquire(count.destination, [count.limit], count.token, count.at, false)) === 0;
        if (admitted) counted.push(count);
        return admitted;
      },
      dedupeFirstSeen: async (key, windowSeconds) => {
        const first = (await this.redis.set(this.dedupeKey(key), '1', 'EX', windowSeconds, 'NX')) === 'OK';
        if (first) counted.push({ kind: 'dedupe', key });
        return first;
      },
    };
  }

  /** Undoes counts made for events that were not stored (a duplicate, a failed transaction). */
  async giveBack(counted: readonly FilterCount[]): Promise<void> {
    if (counted.length === 0) return;
    await Promise.all(
      counted.map((count) =>
        count.kind === 'frequency'
          ? this.limiter.release(count.destination, [count.limit], count.token, count.at)
          : this.redis.del(this.dedupeKey(count.key)),
      ),
    );
  }

  /** Only looks: for a dry run. */
  looking(subscriptionId: string): FilterState {
    return {
      frequencyAllows: (max, perSeconds) => this.limiter.wouldAdmit(`frequency:${subscriptionId}`, { max, perMs: perSeconds * 1000 }),
      dedupeFirstSeen: async (key) => (await this.redis.exists(this.dedupeKey(key))) === 0,
    };
  }

  private dedupeKey(key: string): string {
    return `${this.prefix}:dedupe:${key}`;
  }
}
