import { BullModule } from '@nestjs/bull';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeysModule } from './auth/api-keys.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ApiRateLimitGuard } from './common/api-rate-limit.guard.js';
import type { LoadedChannel } from './channels/channel-loader.js';
import { ChannelsModule } from './channels/channels.module.js';
import type { HeraldConfig } from './config/herald-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { RetentionModule } from './retention/retention.module.js';
import type { InstallationSecrets } from './security/installation-secrets.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';

export interface AppOptions {
  config: HeraldConfig;
  /** The channel packages, each through its Nest module (see channel-loader.ts). */
  channels: readonly LoadedChannel[];
  secrets: InstallationSecrets;
}

/** The whole service; HERALD_ROLE decides whether this process serves the API, works the queue, or both. */
@Module({})
export class AppModule {
  static forRoot({ config, channels, secrets }: AppOptions): DynamicModule {
    const serveApi = config.role !== 'worker';
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
        ...(serveApi ? [ProjectsModule, ApiKeysModule, SubscriptionsModule, EventsModule, IngestModule] : []),
        DeliveriesModule.forRoot({ worker: config.role !== 'api' }),
        ...(config.role !== 'api' ? [RetentionModule] : []),
      ],
      providers: [{ provide: APP_GUARD, useClass: ApiRateLimitGuard }],
    };
  }
}
