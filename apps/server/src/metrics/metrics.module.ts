import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { DeliveryMetrics } from './delivery-metrics.js';
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
  ],
  exports: [Registry, DeliveryMetrics],
})
export class MetricsModule {}
