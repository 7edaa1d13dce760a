import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveryAttemptService } from './delivery-attempt.service.js';
import { EndpointHealthService } from './endpoint-health.service.js';
import { DeliverySweeper } from './delivery.sweeper.js';
import { SecretResealer } from './secret-resealer.js';
import { DeliveryWorker } from './delivery.worker.js';

/** The delivery log API always; the worker and the sweeper only where this process works the queue. */
@Module({})
export class DeliveriesModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    const workerProviders: Provider[] = options.worker ? [DeliveryWorker, DeliverySweeper, SecretResealer] : [];
    return {
      module: DeliveriesModule,
      imports: [OutboxModule, EventsModule, SubscriptionsModule, ProjectsModule],
      controllers: [DeliveriesController],
      providers: [DeliveryAttemptService, EndpointHealthService, ...workerProviders],
      exports: [DeliveryAttemptService],
    };
  }
}
