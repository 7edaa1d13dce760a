import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DeliveryOutcome } from '@herald/channel-sdk';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { EventsService } from '../events/events.service.js';
import type { HealthTransition } from '../subscriptions/endpoint-health.js';
import type { Subscription } from '../subscriptions/subscription.entity.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';

const SUCCESS_REFRESH_MS = 60_000;
const MAX_REASON_CHARS = 2_000;

/**
 * Tracks each destination's health after every attempt: a success clears the run of failures; a
 * failure may pause the subscription (deliveries wait, none is dropped) or disable it (at once when
 * the channel says the destination is gone), and then the project's failure-notice subscriptions
 * are told with a `herald.subscription.paused` or `herald.subscription.disabled` event.
 */
@Injectable()
export class EndpointHealthService {
  private readonly logger = new Logger(EndpointHealthService.name);

  constructor(
    @Inject(HERALD_CONFIG) private readonly config: HeraldConfig,
    private readonly subscriptions: SubscriptionsService,
    private readonly events: EventsService,
  ) {}

  /** `changed` runs when the subscription's state changed, so cached copies can be dropped. */
  async afterAttempt(subscription: Subscription, outcome: DeliveryOutcome, changed: () => void): Promise<void> {
    if (outcome.status === 'delivered') {
      const stale = !subscription.lastSuccessAt || Date.now() - subscription.lastSuccessAt.getTime() > SUCCESS_REFRESH_MS;
      if (subscription.consecutiveFailures > 0 || stale) await this.subscriptions.recordSuccess(subscription.id);
      return;
    }
    const transition =
      outcome.status === 'failed' && outcome.destinationGone
        ? await this.destinationGone(subscription, outcome.reason)
        : await this.subscriptions.recordFailure(subscription.id, this.config.health);
    if (transition.kind === 'none') return;
    changed();
    this.logger.warn(`subscription ${subscription.id} ${transition.kind}: ${transition.reason}`);
    await this.notify(subscription, transition, 'reason' in outcome ? outcome.reason : undefined);
  }

  /** The channel says the destination no longer exists (a deleted bot, an unknown webhook): stop sending there. */
  private async destinationGone(subscription: Subscription, reason: string): Promise<HealthTransition> {
    const disabledReason = `the destination is gone: ${reason}`.slice(0, MAX_REASON_CHARS);
    return (await this.subscriptions.disable(subscription.id, disabledReason))
      ? { kind: 'disabled', reason: disabledReason }
      : { kind: 'none' };
  }

  private async notify(
    subscription: Subscription,
    transition: Exclude<HealthTransition, { kind: 'none' }>,
    lastError?: string,
  ): Promise<void> {
    const audience = await this.subscriptions.noticeAudience(
      subscription.projectId,
      subscription.id,
      `herald.subscription.${transition.kind}`,
    );
    if (audience.length === 0) return;
    await this.events.publishTo(
      subscription.projectId,
      {
        type: `herald.subscription.${transition.kind}`,
        source: 'herald',
        subject: subscription.name,
        data: {
          subscription_id: subscription.id,
          name: subscription.name,
          channel: subscription.channel,
          action: subscription.action,
          reason: transition.reason,
          ...(transition.kind === 'paused' ? { paused_until: transition.until.toISOString() } : {}),
          ...(lastError ? { last_error: lastError } : {}),
        },
      },
      audience,
    );
  }

  /**
   * A delivery failed for good: the failure-notice subscriptions that take `herald.delivery.failed`
   * are told which subscription, which event, and the last error. A notice about a notice is never
   * sent (a failing notice destination would otherwise feed itself).
   */
  async deliveryFailed(
    subscription: Subscription,
    delivery: { id: string; attempts: number },
    event: { id: string; type: string },
    lastError: string,
  ): Promise<void> {
    if (event.type.startsWith('herald.')) return;
    try {
      const audience = await this.subscriptions.noticeAudience(subscription.projectId, subscription.id, 'herald.delivery.failed');
      if (audience.length === 0) return;
      await this.events.publishTo(
        subscription.projectId,
        {
          id: `herald.delivery.failed:${delivery.id}:${delivery.attempts}`,
          type: 'herald.delivery.failed',
          source: 'herald',
          subject: subscription.name,
          data: {
            subscription_id: subscription.id,
            name: subscription.name,
            channel: subscription.channel,
            action: subscription.action,
            delivery_id: delivery.id,
            event_id: event.id,
            event_type: event.type,
            attempts: delivery.attempts,
            last_error: lastError,
          },
        },
        audience,
      );
    } catch (error) {
      this.logger.warn(`the failure notice about delivery ${delivery.id} was not sent: ${(error as Error).message}`);
    }
  }
}
