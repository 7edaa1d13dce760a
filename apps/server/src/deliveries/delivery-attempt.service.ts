import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { DeliveryOutcome } from '@herald/channel-sdk';
import { ChannelSender } from '../channels/channel-sender.js';
import { TtlCache } from '../common/ttl-cache.js';
import { HERALD_CONFIG, type HeraldConfig } from '../config/herald-config.js';
import { messageContextOf, type StoredEventFields } from '../events/message-context.js';
import { RedisRateLimiter } from '../infrastructure/redis-rate-limiter.js';
import type { Delivery } from '../outbox/delivery.entity.js';
import { DeliveryQueue } from '../outbox/delivery-queue.js';
import { DeliveryGroupCommit } from '../outbox/delivery-group-commit.js';
import { DeliveryStore } from '../outbox/delivery-store.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { Project } from '../projects/project.entity.js';
import { SubscriptionsService, type ResolvedSubscription } from '../subscriptions/subscriptions.service.js';
import { DeliveryMetrics } from '../metrics/delivery-metrics.js';
import { EndpointHealthService } from './endpoint-health.service.js';
import type { EffectivePolicy } from '../subscriptions/effective-policy.js';
import { nextStep, type NextStep } from './retry-policy.js';

const MAX_ERROR_CHARS = 2_000;

type Sendable = { resolved: ResolvedSubscription; policy: EffectivePolicy } | { problem: string };

/**
 * One attempt of one delivery: claim the row (so no two workers send it at once), wait for the
 * destination's rate limit, send through the channel, record the attempt and the next state, and
 * enqueue the retry. Channel failures are outcomes, recorded here; only infrastructure failures
 * (Postgres, Redis) throw, for Bull to retry the job.
 */
@Injectable()
export class DeliveryAttemptService {
  private readonly logger = new Logger(DeliveryAttemptService.name);
  /** Subscriptions and projects change rarely and every attempt reads them: a change reaches workers within seconds. */
  private readonly sendableCache = new TtlCache<Sendable | null>(5_000);
  private readonly projectCache = new TtlCache<Project | null>(60_000);

  constructor(
    @Inject(HERALD_CONFIG) private readonly config: HeraldConfig,
    private readonly store: DeliveryStore,
    private readonly groupCommit: DeliveryGroupCommit,
    private readonly queue: DeliveryQueue,
    private readonly subscriptions: SubscriptionsService,
    private readonly projects: ProjectsService,
    private readonly sender: ChannelSender,
    private readonly limiter: RedisRateLimiter,
    private readonly metrics: DeliveryMetrics,
    private readonly health: EndpointHealthService,
  ) {}

  /** `usualTimeoutMs` sets the first lease; a subscription with a longer time-out extends it. */
  async run(deliveryId: string, usualTimeoutMs: number): Promise<void> {
    const claimed = await this.groupCommit.claim(deliveryId, usualTimeoutMs + this.config.leaseMarginMs);
    if (claimed) await this.attempt(claimed.delivery, claimed.event, usualTimeoutMs);
  }

  /** One attempt of a delivery this process holds (claimed from the queue, or stored leased to it at publish). */
  async attempt(delivery: Delivery, event: StoredEventFields | null, usualTimeoutMs: number): Promise<void> {
    const loaded = await this.load(delivery, event);
    if (!loaded) return;
    const { resolved, policy, message } = loaded;
    const { subscription } = resolved;
    if (!subscription.enabled) {
      this.metrics.deliverySkipped('disabled');
      return this.store.skip(
        delivery.id,
        `skipped: the subscription was disabled${subscription.disabledReason ? ` by Herald (${subscription.disabledReason})` : ''}`,
      );
    }
    if (subscription.pausedUntil && subscription.pausedUntil.getTime() > Date.now())
      return this.postpone(delivery, subscription.pausedUntil.getTime() - Date.now());
    if (policy.timeoutMs > usualTimeoutMs) await this.store.renewLease(delivery.id, policy.timeoutMs + this.config.leaseMarginMs);
    if (policy.rateLimits.length > 0) {
      const wait = await this.limiter.acquire(destinationKey(resolved), policy.rateLimits, delivery.id);
      if (wait > 0) return this.postpone(delivery, wait);
    }
    const attempt = delivery.attemptCount + 1;
    const startedAt = new Date();
    const outcome = await this.sender.send(resolved.action, resolved.config, message, { id: delivery.id, attempt }, policy.timeoutMs);
    const step = await this.record(delivery, attempt, startedAt, outcome, policy);
    this.metrics.observe(subscription.channel, outcome.status, Date.now() - startedAt.getTime(), delivery.createdAt);
    await this.health.afterAttempt(subscription, outcome, () => this.sendableCache.delete(subscription.id));
    if (step.kind === 'failed')
      await this.health.deliveryFailed(subscription, { id: delivery.id, attempts: attempt }, message.event, step.reason);
  }

  private async load(delivery: Delivery, event: StoredEventFields | null) {
    const [sendable, project] = await Promise.all([
      this.sendableCache.get(delivery.subscriptionId, () => this.sendable(delivery)),
      this.projectCache.get(delivery.projectId, () => this.projects.findById(delivery.projectId)),
    ]);
    if (!event || !sendable || !project) return undefined;
    if ('problem' in sendable) {
      const reason = `the subscription cannot be sent: ${sendable.problem}`;
      await this.store.recordAttempt(delivery, emptyAttempt(delivery.attemptCount + 1, reason), {
        status: 'failed',
        dueAt: null,
        error: reason,
      });
      return undefined;
    }
    const { resolved, policy } = sendable;
    return { resolved, policy, message: messageContextOf(event, project, resolved.subscription) };
  }

  /** The subscription with its config unsealed and validated, and its policy: computed once per cache period. */
  private async sendable(delivery: Delivery): Promise<Sendable | null> {
    const subscription = await this.subscriptions.get(delivery.projectId, delivery.subscriptionId).catch(() => null);
    if (!subscription) return null;
    try {
      const resolved = this.subscriptions.resolve(subscription);
      return { resolved, policy: this.subscriptions.policyOf(subscription) };
    } catch (error) {
      return { problem: (error as Error).message };
    }
  }

  private async postpone(delivery: Delivery, waitMs: number): Promise<void> {
    const dueAt = new Date(Date.now() + waitMs + Math.floor(Math.random() * 50));
    await this.store.release(delivery.id, dueAt);
    await this.queue.enqueue([{ id: delivery.id, dueAt }]);
  }

  private async record(
    delivery: Delivery,
    attempt: number,
    startedAt: Date,
    outcome: DeliveryOutcome,
    policy: EffectivePolicy,
  ): Promise<NextStep> {
    const step = nextStep(outcome, attempt, delivery.attemptsAllowed, policy);
    const dueAt = step.kind === 'retry' ? new Date(Date.now() + step.delayMs) : null;
    const status = step.kind === 'succeeded' ? 'succeeded' : step.kind === 'retry' ? 'pending' : 'failed';
    const reason = 'reason' in outcome ? outcome.reason.slice(0, MAX_ERROR_CHARS) : null;
    await this.groupCommit.record({
      deliveryId: delivery.id,
      attempt: {
        number: attempt,
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
        outcome: outcome.status,
        request: outcome.request ?? null,
        responseStatus: outcome.response?.status ?? null,
        responseExcerpt: outcome.response?.body ?? null,
        error: reason,
        note: outcome.status === 'delivered' && outcome.note ? outcome.note.slice(0, MAX_ERROR_CHARS) : null,
      },
      next: { status, dueAt, error: step.kind === 'failed' ? step.reason.slice(0, MAX_ERROR_CHARS) : reason },
    });
    if (dueAt) await this.queue.enqueue([{ id: delivery.id, dueAt }]);
    if (step.kind === 'failed') this.logger.warn(`delivery ${delivery.id} failed: ${step.reason}`);
    return step;
  }
}

/** Rate limits count per destination (a webhook URL, a robot); hashed, since the URL may carry a token. */
function destinationKey({ action, config, subscription }: ResolvedSubscription): string {
  const destination = `${subscription.channel}:${action.id}:${action.destination(config)}`;
  return createHash('sha256').update(destination).digest('base64url').slice(0, 32);
}

function emptyAttempt(number: number, error: string) {
  return {
    number,
    startedAt: new Date(),
    durationMs: 0,
    outcome: 'failed' as const,
    request: null,
    responseStatus: null,
    responseExcerpt: null,
    error,
    note: null,
  };
}
