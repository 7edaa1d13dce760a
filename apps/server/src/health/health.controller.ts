import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator.js';
import { DependencyMonitor } from './dependency-monitor.js';
import { DrainState } from './drain-state.js';
import { HealthAnswer, LivenessAnswer } from './health.answers.js';

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health/ready`, and `/health` as
 * before: PostgreSQL and Redis answer and the process is not shutting down).
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dependencies: DependencyMonitor,
    private readonly drain: DrainState,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers', description: 'No key needed; checks no dependency.' })
  @ApiResponse({ status: 200, type: LivenessAnswer })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness: PostgreSQL and Redis answer and the process is not shutting down',
    description: 'No key needed.',
  })
  @ApiResponse({ status: 200, type: HealthAnswer })
  @ApiResponse({ status: 503, type: HealthAnswer, description: 'A dependency is down (`checks` says which) or the process is draining' })
  ready() {
    return this.readiness();
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Readiness (the same as /health/ready)', description: 'No key needed.' })
  @ApiResponse({ status: 200, type: HealthAnswer })
  @ApiResponse({ status: 503, type: HealthAnswer, description: 'A dependency is down (`checks` says which) or the process is draining' })
  check() {
    return this.readiness();
  }

  private async readiness() {
    const checks = await this.dependencies.check();
    const up = checks.postgres === 'up' && checks.redis === 'up';
    const status = this.drain.draining ? 'draining' : up ? 'ok' : 'unavailable';
    const body = { status, checks };
    if (status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}
