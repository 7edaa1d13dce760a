import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/with-timeout.js';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { REDIS } from '../infrastructure/tokens.js';

const CHECK_TIMEOUT_MS = 2_000;

export type DependencyName = 'postgres' | 'redis';
export type DependencyStatus = Record<DependencyName, string>;

const LABELS: Record<DependencyName, string> = { postgres: 'PostgreSQL', redis: 'Redis' };

/**
 * Asks PostgreSQL and Redis whether they answer, every few seconds and on each readiness probe,
 * and says so in the log when one stops answering and when it is back.
 */
@Injectable()
export class DependencyMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Dependencies');
  private readonly downSince = new Map<DependencyName, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(HERALD_CONFIG) private readonly config: HeraldConfig,
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), this.config.dependencyCheckIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** `up`, or `down: <why>`, for each dependency. */
  async check(): Promise<DependencyStatus> {
    const [postgres, redis] = await Promise.all([
      this.probe('postgres', () => this.dataSource.query('SELECT 1')),
      this.probe('redis', () => this.redis.ping()),
    ]);
    return { postgres, redis };
  }

  private async probe(name: DependencyName, check: () => Promise<unknown>): Promise<string> {
    try {
      await withTimeout(check(), CHECK_TIMEOUT_MS, `no answer within ${CHECK_TIMEOUT_MS} ms`);
      const since = this.downSince.get(name);
      if (since !== undefined) {
        this.downSince.delete(name);
        this.logger.log(`${LABELS[name]} is reachable again, after ${Math.round((Date.now() - since) / 1000)} s`);
      }
      return 'up';
    } catch (error) {
      const reason = (error as Error).message;
      if (!this.downSince.has(name)) {
        this.downSince.set(name, Date.now());
        this.logger.warn(`${LABELS[name]} is unreachable (${reason}); readiness fails until it is back`);
      }
      return `down: ${reason}`;
    }
  }
}
