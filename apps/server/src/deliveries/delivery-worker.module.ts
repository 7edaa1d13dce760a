import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { AttemptSlots } from './attempt-slots.js';
import { DeliveryAttemptService } from './delivery-attempt.service.js';
import { DeliverySweeper } from './delivery.sweeper.js';
import { DeliveryWorker } from './delivery.worker.js';
import { EndpointHealthService } from './endpoint-health.service.js';
import { LocalDispatcher } from './local-dispatcher.js';
import { SecretResealer } from './secret-resealer.js';

/** Works the deliveries queue and the deliveries handed over at publish: the worker, the sweeper and the secret re-sealer. No routes. */
@Module({
  imports: [OutboxModule, EventsModule, SubscriptionsModule, ProjectsModule],
  providers: [
    AttemptSlots,
    DeliveryAttemptService,
    EndpointHealthService,
    DeliveryWorker,
    LocalDispatcher,
    DeliverySweeper,
    SecretResealer,
  ],
})
export class DeliveryWorkerModule {}
