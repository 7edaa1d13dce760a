import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { DeliveryAttemptService } from './delivery-attempt.service.js';
import { DeliverySweeper } from './delivery.sweeper.js';
import { DeliveryWorker } from './delivery.worker.js';
import { EndpointHealthService } from './endpoint-health.service.js';
import { SecretResealer } from './secret-resealer.js';

/** Works the deliveries queue: the worker, the sweeper and the secret re-sealer. No routes. */
@Module({
  imports: [OutboxModule, EventsModule, SubscriptionsModule, ProjectsModule],
  providers: [DeliveryAttemptService, EndpointHealthService, DeliveryWorker, DeliverySweeper, SecretResealer],
})
export class DeliveryWorkerModule {}
