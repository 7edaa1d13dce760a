import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { SecretBox } from '../security/secret-box.js';
import { AddressPolicy } from '../transport/address-policy.js';
import { GuardedTransport } from '../transport/guarded-transport.js';
import { RedisFilterState } from './redis-filter-state.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';
import { redisSharedCache } from './redis-shared-cache.js';
import { HTTP_TRANSPORT, REDIS, SHARED_CACHE } from './tokens.js';

/** Configuration, secrets, Redis, the guarded HTTP transport and the rate limiter, for every module. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(HTTP_TRANSPORT) private readonly transport: GuardedTransport,
  ) {}

  static forRoot(config: HeraldConfig, encryptionKeys: Buffer[]): DynamicModule {
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, connectTimeout: 3_000, lazyConnect: false });
    redis.on('error', () => undefined); // reported by the health check; ioredis reconnects by itself
    const limiter = new RedisRateLimiter(redis, config.redisPrefix);
    const addressPolicy = new AddressPolicy(config.allowPrivateNetworks, config.allowedHosts);
    const providers = [
      { provide: HERALD_CONFIG, useValue: config },
      { provide: AddressPolicy, useValue: addressPolicy },
      { provide: SecretBox, useValue: new SecretBox(encryptionKeys) },
      { provide: REDIS, useValue: redis },
      { provide: HTTP_TRANSPORT, useValue: new GuardedTransport(addressPolicy) },
      { provide: SHARED_CACHE, useValue: redisSharedCache(redis, config.redisPrefix) },
      { provide: RedisRateLimiter, useValue: limiter },
      { provide: RedisFilterState, useValue: new RedisFilterState(redis, config.redisPrefix, limiter) },
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((provider) => provider.provide) };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
    this.redis.disconnect();
  }
}
