import type { RateLimit } from '@herald/channel-sdk';
import type { Redis } from 'ioredis';

/**
 * Sliding-window-log limits in Redis, shared by every worker: a send is admitted only when every
 * window has room, and then counted in all of them at once (one Lua script, so atomic). A sliding
 * log, not fixed windows: fixed windows let twice the limit through across a window edge, and
 * DingTalk answers that with a ten-minute ban. Written by hand because the maintained limiters
 * (rate-limiter-flexible and others) use fixed windows in Redis.
 *
 * Each window is counted a little longer than the platform's (10%, at most a second): the platform
 * counts a message when it arrives, and a first request on a cold connection arrives later than
 * the moment it was admitted here.
 */
const ACQUIRE = `
local now = tonumber(ARGV[1])
local member = ARGV[2]
local wait = 0
for i = 1, #KEYS do
  local max = tonumber(ARGV[1 + i * 2])
  local window = tonumber(ARGV[2 + i * 2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if redis.call('ZCARD', KEYS[i]) >= max then
    local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    local until_free = tonumber(oldest[2]) + window - now
    if until_free > wait then wait = until_free end
  end
end
if wait > 0 then return wait end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 + i * 2]))
end
return 0
`;

export class RedisRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /**
   * 0 when the send may go now (and is counted), otherwise the milliseconds to wait. `margin`
   * lengthens platform windows (see above); counts of Herald's own, such as a subscription's
   * frequency filter, are exact.
   */
  async acquire(destination: string, limits: readonly RateLimit[], token: string, now = Date.now(), margin = true): Promise<number> {
    if (limits.length === 0) return 0;
    const keys = limits.map((limit) => this.keyOf(destination, limit));
    const windows = limits.map((limit) => limit.perMs + (margin ? Math.min(1_000, Math.ceil(limit.perMs * 0.1)) : 0));
    const args = [String(now), `${now}:${token}`, ...limits.flatMap((limit, index) => [String(limit.max), String(windows[index])])];
    const wait = await this.redis.eval(ACQUIRE, keys.length, ...keys, ...args);
    return Number(wait);
  }

  /** Takes back a send that `acquire` admitted with this token at this time (it did not happen after all). */
  async release(destination: string, limits: readonly RateLimit[], token: string, acquiredAt: number): Promise<void> {
    if (limits.length === 0) return;
    const member = `${acquiredAt}:${token}`;
    await Promise.all(limits.map((limit) => this.redis.zrem(this.keyOf(destination, limit), member)));
  }

  /** Whether one more would be admitted now under exact windows, without counting it. */
  async wouldAdmit(destination: string, limit: RateLimit, now = Date.now()): Promise<boolean> {
    return (await this.redis.zcount(this.keyOf(destination, limit), `(${now - limit.perMs}`, '+inf')) < limit.max;
  }

  private keyOf(destination: string, limit: RateLimit): string {
    return `${this.prefix}:rate:${destination}:${limit.max}/${limit.perMs}`;
  }
}
