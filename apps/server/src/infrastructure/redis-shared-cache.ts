import type { SharedCache } from '@herald/channel-sdk';
import type { Redis } from 'ioredis';

/** The SharedCache channels use (access tokens and the like), in Redis so every worker sees it. */
export function redisSharedCache(redis: Redis, prefix: string): SharedCache {
  const key = (name: string) => `${prefix}:cache:${name}`;
  return {
    async get(name) {
      return (await redis.get(key(name))) ?? undefined;
    },
    async set(name, value, ttlMs) {
      await redis.set(key(name), value, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async delete(name) {
      await redis.del(key(name));
    },
  };
}
