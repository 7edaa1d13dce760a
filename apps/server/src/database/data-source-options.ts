import type { DataSourceOptions } from 'typeorm';
import { ApiKey } from '../auth/api-key.entity.js';
import { ApiKeyNamesAndLastUse1795936207239 } from './migrations/1795936207239-api-key-names-and-last-use.js';
import { Attempt } from '../outbox/attempt.entity.js';
import { Delivery } from '../outbox/delivery.entity.js';
import { DeliveryQueuedAs1795939405775 } from './migrations/1795939405775-delivery-queued-as.js';
import { EventRecord } from '../events/event.entity.js';
import { EventTypes1795935884692 } from './migrations/1795935884692-event-types.js';
import { IngestToken } from '../ingest/ingest-token.entity.js';
import { IngestTokens1795936078961 } from './migrations/1795936078961-ingest-tokens.js';
import { InitialSchema1732300000000 } from './migrations/1732300000000-initial-schema.js';
import { Project } from '../projects/project.entity.js';
import { RegisteredEventType } from '../event-types/event-type.entity.js';
import { PresetsNoticeTypesStats1795937697942 } from './migrations/1795937697942-presets-notice-types-stats.js';
import { Setting } from './setting.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';
import { SubscriptionHealthAndFilters1732400000000 } from './migrations/1732400000000-subscription-health-and-filters.js';
import { SubscriptionsVersion1795936027315 } from './migrations/1795936027315-subscriptions-version.js';
import { Retention1795939087425 } from './migrations/1795939087425-retention.js';
import { AttemptNote1795939572021 } from './migrations/1795939572021-attempt-note.js';
import { EventTypesVersion1795941000000 } from './migrations/1795941000000-event-types-version.js';

export const ENTITIES = [Setting, Project, ApiKey, Subscription, EventRecord, Delivery, Attempt, RegisteredEventType, IngestToken];
export const MIGRATIONS = [
  InitialSchema1732300000000,
  SubscriptionHealthAndFilters1732400000000,
  EventTypes1795935884692,
  SubscriptionsVersion1795936027315,
  IngestTokens1795936078961,
  ApiKeyNamesAndLastUse1795936207239,
  PresetsNoticeTypesStats1795937697942,
  Retention1795939087425,
  DeliveryQueuedAs1795939405775,
  AttemptNote1795939572021,
  EventTypesVersion1795941000000,
];

/** TypeORM options: schema only through migrations, never `synchronize`. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    extra: { max: 20, connectionTimeoutMillis: 5_000 },
  };
}
