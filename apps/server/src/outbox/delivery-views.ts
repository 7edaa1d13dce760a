import type { Attempt } from './attempt.entity.js';
import type { Delivery } from './delivery.entity.js';

export function deliveryView(delivery: Delivery) {
  return {
    id: delivery.id,
    event_id: delivery.eventId,
    subscription_id: delivery.subscriptionId,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    attempts_allowed: delivery.attemptsAllowed,
    next_attempt_at: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
    last_error: delivery.lastError,
    created_at: delivery.createdAt,
    updated_at: delivery.updatedAt,
    completed_at: delivery.completedAt,
  };
}

export function attemptView(attempt: Attempt) {
  return {
    number: attempt.number,
    started_at: attempt.startedAt,
    duration_ms: attempt.durationMs,
    outcome: attempt.outcome,
    request: attempt.request,
    response_status: attempt.responseStatus,
    response_excerpt: attempt.responseExcerpt,
    error: attempt.error,
    note: attempt.note,
  };
}
