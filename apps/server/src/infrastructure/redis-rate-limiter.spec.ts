import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisRateLimiter } from './redis-rate-limiter.js';

/** The sliding-window Lua script, run by the real Redis; `now` is passed in, so time is exact. */
describe('RedisRateLimiter against Redis', () => {
  const prefix = `herald_limiter_test_${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  let limiter: RedisRateLimiter;
  let destination = 0;
  const fresh = () => {
    destination += 1;
    return `dest${destination}`;
  };
  const t0 = 1_800_000_000_000;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    limiter = new RedisRateLimiter(redis, prefix);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('admits up to the limit in a window, then says how long until the oldest send leaves it', async () => {
    const where = fresh();
    const limit = [{ max: 3, perMs: 10_000 }];
    const waits = [];
    for (const [index, at] of [t0, t0 + 100, t0 + 200, t0 + 300].entries())
      waits.push(await limiter.acquire(where, limit, `s${index}`, at, false));
    expect(waits).toEqual([0, 0, 0, 10_000 - 300]);
  });

  it('slides: a send is admitted again as soon as the oldest leaves the window, not at a fixed window edge', async () => {
    const where = fresh();
    const limit = [{ max: 2, perMs: 1_000 }];
    expect(await limiter.acquire(where, limit, 'a', t0, false)).toBe(0);
    expect(await limiter.acquire(where, limit, 'b', t0 + 600, false)).toBe(0);
    expect(await limiter.acquire(where, limit, 'c', t0 + 999, false)).toBe(1);
    expect(await limiter.acquire(where, limit, 'd', t0 + 1_000, false)).toBe(0);
    expect(await limiter.acquire(where, limit, 'e', t0 + 1_100, false)).toBe(500);
  });

  it("counts a platform's window a little longer (10%, at most a second), Herald's own counts exactly", async () => {
    const short = [{ max: 1, perMs: 2_000 }];
    const long = [{ max: 1, perMs: 60_000 }];
    const [a, b] = [fresh(), fresh()];
    await limiter.acquire(a, short, 'x', t0);
    expect(await limiter.acquire(a, short, 'y', t0 + 2_000)).toBe(200);
    await limiter.acquire(b, long, 'x', t0);
    expect(await limiter.acquire(b, long, 'y', t0 + 60_000)).toBe(1_000);
  });

  it('admits only when every window has room, and then counts the send in all of them', async () => {
    const where = fresh();
    const limits = [
      { max: 2, perMs: 1_000 },
      { max: 3, perMs: 60_000 },
    ];
    expect(await limiter.acquire(where, limits, 'a', t0, false)).toBe(0);
    expect(await limiter.acquire(where, limits, 'b', t0 + 10, false)).toBe(0);
    expect(await limiter.acquire(where, limits, 'c', t0 + 20, false)).toBe(1_000 - 20);
    expect(await limiter.acquire(where, limits, 'd', t0 + 1_500, false)).toBe(0);
    expect(await limiter.acquire(where, limits, 'e', t0 + 2_000, false)).toBe(60_000 - 2_000);
    expect(await redis.zcard(`${prefix}:rate:${where}:2/1000`)).toBe(1);
    expect(await redis.zcard(`${prefix}:rate:${where}:3/60000`)).toBe(3);
  });

  it('a refused send is not counted', async () => {
    const where = fresh();
    const limit = [{ max: 1, perMs: 1_000 }];
    await limiter.acquire(where, limit, 'a', t0, false);
    for (let n = 0; n < 5; n += 1) await limiter.acquire(where, limit, `refused${n}`, t0 + 100 + n, false);
    expect(await limiter.acquire(where, limit, 'b', t0 + 1_000, false)).toBe(0);
  });

  it('release takes one admitted send back', async () => {
    const where = fresh();
    const limit = [{ max: 1, perMs: 10_000 }];
    await limiter.acquire(where, limit, 'a', t0, false);
    expect(await limiter.acquire(where, limit, 'b', t0 + 1, false)).toBeGreaterThan(0);
    await limiter.release(where, limit, 'a', t0);
    expect(await limiter.acquire(where, limit, 'b', t0 + 2, false)).toBe(0);
  });

  it('wouldAdmit looks without counting', async () => {
    const where = fresh();
    const limit = { max: 1, perMs: 10_000 };
    const now = Date.now();
    expect(await limiter.wouldAdmit(where, limit, now)).toBe(true);
    expect(await limiter.wouldAdmit(where, limit, now)).toBe(true);
    await limiter.acquire(where, [limit], 'a', now, false);
    expect(await limiter.wouldAdmit(where, limit, now + 1)).toBe(false);
  });

  it('lets its keys expire with their window, so idle destinations leave nothing behind', async () => {
    const where = fresh();
    await limiter.acquire(where, [{ max: 5, perMs: 30_000 }], 'a', t0, false);
    const ttl = await redis.pttl(`${prefix}:rate:${where}:5/30000`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('no limits: always admitted', async () => {
    expect(await limiter.acquire(fresh(), [], 'a', t0)).toBe(0);
  });
});
