import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator.js';
import { withTimeout } from '../common/with-timeout.js';
import { REDIS } from '../infrastructure/tokens.js';
import { HealthAnswer } from './health.answers.js';

const CHECK_TIMEOUT_MS = 2_000;

/** Readiness: answers 200 only when Postgres and Redis both answer. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis both answer', description: 'No key needed.' })
  @ApiResponse({ status: 200, type: HealthAnswer })
  @ApiResponse({ status: 503, type: HealthAnswer, description: 'A dependency is down; `checks` says which' })
  async check() {
    const [postgres, redis] = await Promise.all([probe(() => this.dataSource.query('SELECT 1')), probe(() => this.redis.ping())]);
    const body = { status: postgres === 'up' && redis === 'up' ? 'ok' : 'unavailable', checks: { postgres, redis } };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}

async function probe(check: () => Promise<unknown>): Promise<string> {
  try {
    await withTimeout(check(), CHECK_TIMEOUT_MS, 'timed out');
    return 'up';
  } catch (error) {
    return `down: ${(error as Error).message}`;
  }
}
