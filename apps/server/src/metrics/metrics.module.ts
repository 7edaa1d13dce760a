import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { BacklogMetrics } from './backlog-metrics.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { HttpMetrics } from './http-metrics.js';
import { MetricsController } from './metrics.controller.js';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry, prefix: 'herald_' });
        return registry;
      },
    },
    DeliveryMetrics,
    HttpMetrics,
    BacklogMetrics,
  ],
  exports: [Registry, DeliveryMetrics, HttpMetrics],
})
export class MetricsModule {}
