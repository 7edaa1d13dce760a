import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { FilterState } from '../subscriptions/subscription-filters.js';
import type { RedisRateLimiter } from './redis-rate-limiter.js';

/** The counters of subscription filters in Redis, shared by every replica. */
export class RedisFilterState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limiter: RedisRateLimiter,
  ) {}

  /** Counts what it is asked about: for publishing. */
  recording(subscriptionId: string): FilterState {
    return {
      frequencyAllows: async (max, perSeconds) =>
        (await this.limiter.acquire(
          `frequency:${subscriptionId}`,
          [{ max, perMs: perSeconds * 1000 }],
          randomUUID(),
          Date.now(),
          false,
        )) === 0,
      dedupeFirstSeen: async (key, windowSeconds) => (await this.redis.set(this.dedupeKey(key), '1', 'EX', windowSeconds, 'NX')) === 'OK',
    };
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
