import { HttpException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { PUBLIC } from '../auth/roles.decorator.js';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { REDIS } from '../infrastructure/tokens.js';

/**
 * The API's own rate limit: requests per minute per API key (per client address for calls without
 * one), counted in Redis so that every replica enforces one limit. Health and metrics are exempt.
 * Should Redis not answer, requests pass: the limit protects the service, it must not stop it.
 */
@Injectable()
export class ApiRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterRedis;

  constructor(
    @Inject(HERALD_CONFIG) config: HeraldConfig,
    @Inject(REDIS) redis: Redis,
    private readonly reflector: Reflector,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:api-rate`,
      points: config.apiRateLimitPerMinute,
      duration: 60,
      rejectIfRedisNotReady: false,
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; ip?: string }>();
    try {
      await this.limiter.consume(tracker(request));
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return true;
      const seconds = Math.ceil(rejection.msBeforeNext / 1000);
      context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>().setHeader('retry-after', String(seconds));
      throw new HttpException(
        { statusCode: 429, error: 'Too Many Requests', message: `too many requests for this API key; retry in ${seconds} s` },
        429,
      );
    }
  }
}

function tracker(request: { headers: Record<string, string | undefined>; ip?: string }): string {
  const key = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return key ? `key:${createHash('sha256').update(key).digest('hex')}` : `ip:${request.ip ?? 'unknown'}`;
}
