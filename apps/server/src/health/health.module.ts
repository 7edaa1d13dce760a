import { Module } from '@nestjs/common';
import { DependencyMonitor } from './dependency-monitor.js';
import { DrainState } from './drain-state.js';
import { HealthController } from './health.controller.js';

@Module({
  controllers: [HealthController],
  providers: [DependencyMonitor, DrainState],
  exports: [DrainState],
})
export class HealthModule {}
