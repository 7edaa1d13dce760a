import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { REDIS } from '../infrastructure/tokens.js';

/**
 * Tells every replica at once that keys were revoked (a key revoked, a project deleted), over a
 * Redis channel, so none keeps honouring them from its cache. Only key hashes travel. Should Redis
 * not answer, a replica's cache still forgets a key within KEY_CACHE_MS.
 */
@Injectable()
export class RevocationBroadcast implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationBroadcast.name);
  private readonly channel: string;
  private subscriber?: Redis;
  private readonly listeners: Array<(keyHashes: string[]) => void> = [];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(HERALD_CONFIG) config: HeraldConfig,
  ) {
    this.channel = `${config.redisPrefix}:api-keys:revoked`;
  }

  onModuleInit(): void {
    // A subscribed connection can do nothing else: a connection of its own.
    this.subscriber = this.redis.duplicate({ lazyConnect: false });
    this.subscriber.on('error', () => undefined); // ioredis reconnects and subscribes again by itself
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const keyHashes = parseHashes(message);
      for (const listener of this.listeners) listener(keyHashes);
    });
    this.subscriber.subscribe(this.channel).catch((error: Error) => {
      this.logger.warn(`not told of keys revoked on other replicas (${error.message}); they stop working here within seconds`);
    });
  }

  /** Runs `listener` with the hashes of keys revoked on any replica, this one included. */
  onRevoked(listener: (keyHashes: string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Tells every replica; best effort, since the caches' expiry bounds the rest. */
  async announce(keyHashes: string[]): Promise<void> {
    if (keyHashes.length === 0) return;
    await this.redis.publish(this.channel, JSON.stringify(keyHashes)).catch((error: Error) => {
      this.logger.warn(`could not tell other replicas of ${keyHashes.length} revoked keys (${error.message})`);
    });
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}

function parseHashes(message: string): string[] {
  try {
    const parsed: unknown = JSON.parse(message);
    return Array.isArray(parsed) ? parsed.filter((hash): hash is string => typeof hash === 'string') : [];
  } catch {
    return [];
  }
}
