import type { DeliveryStatus } from './delivery.entity.js';

/**
 * What each status a delivery row can hold means, keyed by the entity's own type: a status added
 * there and not here does not compile, so the API's enums and the `status` filter keep up with it.
 */
export const DELIVERY_STATUS_MEANINGS = {
  pending: 'waiting for its next attempt, due at next_attempt_at',
  delivering: 'a worker is making an attempt now',
  succeeded: 'the platform accepted it',
  failed: 'given up (refused for good, or out of attempts)',
  skipped: 'never sent (stopped by a filter, or Herald had disabled the subscription)',
} as const satisfies Record<DeliveryStatus, string>;

export const DELIVERY_STATUSES = Object.keys(DELIVERY_STATUS_MEANINGS) as DeliveryStatus[];

/** The statuses and their meanings as one line, for the OpenAPI descriptions. */
export const DELIVERY_STATUS_GLOSSARY = Object.entries(DELIVERY_STATUS_MEANINGS)
  .map(([status, meaning]) => `${status}: ${meaning}`)
  .join('; ');
