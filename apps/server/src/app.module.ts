import { BullModule } from '@nestjs/bull';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeysModule } from './auth/api-keys.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ApiRateLimitGuard } from './common/api-rate-limit.guard.js';
import { ChannelsApiModule } from './channels/channels-api.module.js';
import type { LoadedChannel } from './channels/channel-loader.js';
import { ChannelsModule } from './channels/channels.module.js';
import type { HeraldConfig } from './config/herald-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DeliveriesApiModule } from './deliveries/deliveries-api.module.js';
import { DeliveryWorkerModule } from './deliveries/delivery-worker.module.js';
import { EventsApiModule } from './events/events-api.module.js';
import { EventTypesApiModule } from './event-types/event-types-api.module.js';
import { HealthModule } from './health/health.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProjectsApiModule } from './projects/projects-api.module.js';
import { RetentionModule } from './retention/retention.module.js';
import type { InstallationSecrets } from './security/installation-secrets.js';
import { SubscriptionsApiModule } from './subscriptions/subscriptions-api.module.js';

export interface AppOptions {
  config: HeraldConfig;
  /** The channel packages, each through its Nest module (see channel-loader.ts). */
  channels: readonly LoadedChannel[];
  secrets: InstallationSecrets;
}

/** The /v1 routes; a worker loads none of them, so it answers only /health and /metrics. */
const API_MODULES = [
  ProjectsApiModule,
  ApiKeysModule,
  SubscriptionsApiModule,
  EventsApiModule,
  EventTypesApiModule,
  IngestModule,
  DeliveriesApiModule,
  ChannelsApiModule,
];

/**
 * The whole service; HERALD_ROLE decides whether this process serves the API (the route modules),
 * works the queue (DeliveryWorkerModule), or both. Services live in modules without routes, so a
 * worker loads what it needs and no controller.
 */
@Module({})
export class AppModule {
  static forRoot({ config, channels, secrets }: AppOptions): DynamicModule {
    const serveApi = config.role !== 'worker';
    const workQueue = config.role !== 'api';
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, secrets.encryptionKeys),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), retryAttempts: config.databaseRetryAttempts, retryDelay: 1_000 }),
        BullModule.forRoot({ redis: config.redisUrl, prefix: config.redisPrefix }),
        ChannelsModule.forRoot(channels),
        AuthModule.forRoot(secrets.rootKeyHash),
        MetricsModule,
        HealthModule,
        ...(serveApi ? API_MODULES : []),
        ...(workQueue ? [DeliveryWorkerModule, RetentionModule] : []),
      ],
      providers: [{ provide: APP_GUARD, useClass: ApiRateLimitGuard }],
    };
  }
}
