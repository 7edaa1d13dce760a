import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ChannelAction, ConfigIssue } from '@herald/channel-sdk';
import type { Repository } from 'typeorm';
import { ChannelRegistry } from '../channels/channel-registry.js';
import { invalidInput, requiredField, type FieldError } from '../common/field-errors.js';
import { newId } from '../common/ids.js';
import { SecretBox } from '../security/secret-box.js';
import { AddressPolicy } from '../transport/address-policy.js';
import type { CreateSubscriptionDto, UpdateSubscriptionDto } from './subscription.dto.js';
import { failureNoticeView, type NoticeType, storedFailureNotice } from './failure-notice.js';
import { withPreset, withoutPreset } from './subscription-presets.js';
import { Subscription } from './subscription.entity.js';
import { effectivePolicy, UNKNOWN_ACTION_DEFAULTS, type EffectivePolicy } from './effective-policy.js';
import { afterFailure, type HealthPolicy, type HealthTransition } from './endpoint-health.js';
import { unreachableAddressProblems } from './subscription-addresses.js';
import { SubscriptionMatchers, type SubscriptionTarget } from './subscription-matchers.js';
import { maskConfig, sealConfig, unsealConfig } from './subscription-secrets.js';

/** A subscription's health when created or re-enabled: no failures, no pause, nothing disabled. */
const HEALTHY = {
  consecutiveFailures: 0,
  failingSince: null,
  pausedUntil: null,
  pauseCount: 0,
  disabledReason: null,
  disabledAt: null,
} satisfies Partial<Subscription>;

/** A subscription ready to send: its action and its config with secrets unsealed. */
export interface ResolvedSubscription {
  subscription: Subscription;
  action: ChannelAction;
  config: object;
}

@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectRepository(Subscription) private readonly subscriptions: Repository<Subscription>,
    private readonly registry: ChannelRegistry,
    private readonly box: SecretBox,
    private readonly matchers: SubscriptionMatchers,
    private readonly addressPolicy: AddressPolicy,
  ) {}

  async create(projectId: string, input: CreateSubscriptionDto): Promise<Subscription> {
    const action = this.actionOf(input.channel, input.action);
    const sealed = sealConfig(this.validConfig(action, input.config), action.secretFields, this.box);
    const subscription = this.subscriptions.create({
      id: newId('sub'),
      projectId,
      name: input.name,
      channel: input.channel,
      action: input.action,
      eventTypes: input.event_types,
      enabled: input.enabled ?? true,
      preset: input.preset ?? null,
      retryPolicy: withPreset(input.preset ?? null, plainJson(input.retry_policy)),
      rateLimit: input.rate_limit ?? null,
      ...storedFailureNotice(input.failure_notice ?? false),
      filters: plainJson(input.filters),
      ...HEALTHY,
      ...sealed,
    });
    return this.subscriptions.save(subscription);
  }

  list(projectId: string): Promise<Subscription[]> {
    return this.subscriptions.find({ where: { projectId }, order: { id: 'DESC' } });
  }

  /** The project's subscription, or 404 — another project's subscription does not exist for this caller. */
  async get(projectId: string, id: string): Promise<Subscription> {
    const subscription = await this.subscriptions.findOneBy({ id, projectId });
    if (!subscription) throw new NotFoundException(`subscription ${id} not found`);
    return subscription;
  }

  async update(projectId: string, id: string, changes: UpdateSubscriptionDto): Promise<Subscription> {
    const subscription = await this.get(projectId, id);
    if (changes.config) {
      const action = this.actionOf(subscription.channel, subscription.action);
      const merged = mergeConfig(unsealConfig(subscription, this.box), changes.config, action.secretFields);
      Object.assign(subscription, sealConfig(this.validConfig(action, merged), action.secretFields, this.box));
    }
    if (changes.name !== undefined) subscription.name = changes.name;
    if (changes.event_types !== undefined) subscription.eventTypes = changes.event_types;
    if (changes.enabled !== undefined) subscription.enabled = changes.enabled;
    if (changes.enabled === true) Object.assign(subscription, HEALTHY);
    if (changes.failure_notice !== undefined) Object.assign(subscription, storedFailureNotice(changes.failure_notice));
    if (changes.filters !== undefined) subscription.filters = plainJson(changes.filters);
    if (changes.retry_policy !== undefined || changes.preset !== undefined) {
      const own =
        changes.retry_policy !== undefined ? plainJson(changes.retry_policy) : withoutPreset(subscription.preset, subscription.retryPolicy);
      if (changes.preset !== undefined) subscription.preset = changes.preset;
      subscription.retryPolicy = withPreset(subscription.preset, own);
    }
    if (changes.rate_limit !== undefined) subscription.rateLimit = changes.rate_limit;
    return this.subscriptions.save(subscription);
  }

  async remove(projectId: string, id: string): Promise<void> {
    const subscription = await this.get(projectId, id);
    await this.subscriptions.delete({ id: subscription.id });
  }

  /**
   * The subscriptions of a project whose event types match: the enabled ones, and those Herald
   * disabled (their deliveries are recorded as skipped). A person's "disabled" gets nothing.
   * Through the project's in-memory matcher: the cost does not grow with the project.
   */
  async matching(
    projectId: string,
    eventTypes: readonly string[],
    subscriptionsVersion: string,
  ): Promise<Array<{ subscription: SubscriptionTarget; eventType: string }>> {
    const matcher = await this.matchers.matcher(projectId, subscriptionsVersion);
    return eventTypes.flatMap((eventType) => matcher.match(eventType).map((subscription) => ({ subscription, eventType })));
  }

  /** The enabled failure-notice subscriptions of a project, but the one the notice is about. */
  noticeAudience(projectId: string, aboutSubscriptionId: string, noticeType: NoticeType): Promise<Subscription[]> {
    return this.subscriptions
      .createQueryBuilder('s')
      .where('s.project_id = :projectId AND s.failure_notice AND s.enabled AND s.id <> :about', { projectId, about: aboutSubscriptionId })
      .andWhere('(s.notice_types IS NULL OR :noticeType = ANY(s.notice_types))', { noticeType })
      .orderBy('s.id', 'ASC')
      .getMany();
  }

  async recordSuccess(subscriptionId: string): Promise<void> {
    await this.subscriptions.query(
      `UPDATE subscriptions SET consecutive_failures = 0, failing_since = NULL, pause_count = 0, paused_until = NULL, last_success_at = now()
       WHERE id = $1`,
      [subscriptionId],
    );
  }

  /** Counts a failed attempt and pauses or disables the subscription when the health policy says so. */
  async recordFailure(subscriptionId: string, policy: HealthPolicy, now = new Date()): Promise<HealthTransition> {
    const [rows]: [Array<{ consecutive_failures: number; failing_since: Date; pause_count: number; paused_until: Date | null }>] =
      await this.subscriptions.query(
        `UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, $2), last_failure_at = $2
       WHERE id = $1 RETURNING consecutive_failures, failing_since, pause_count, paused_until`,
        [subscriptionId, now],
      );
    const run = rows[0];
    if (!run) return { kind: 'none' };
    const transition = afterFailure(
      {
        consecutiveFailures: run.consecutive_failures,
        failingSince: run.failing_since,
        pauseCount: run.pause_count,
        pausedUntil: run.paused_until,
      },
      now,
      policy,
    );
    if (transition.kind === 'paused') {
      await this.subscriptions.query('UPDATE subscriptions SET paused_until = $2, pause_count = pause_count + 1 WHERE id = $1', [
        subscriptionId,
        transition.until,
      ]);
    } else if (transition.kind === 'disabled') {
      await this.disable(subscriptionId, transition.reason, now);
    }
    return transition;
  }

  /**
   * Herald disables the subscription and says why (shown as `health.disabled_reason`); false when
   * it was disabled already, so a reason is given, and the admins told, once.
   */
  async disable(subscriptionId: string, reason: string, now = new Date()): Promise<boolean> {
    const [rows]: [unknown[]] = await this.subscriptions.query(
      `UPDATE subscriptions SET enabled = false, disabled_reason = $2, disabled_at = $3, paused_until = NULL, last_failure_at = $3
       WHERE id = $1 AND enabled RETURNING id`,
      [subscriptionId, reason, now],
    );
    return rows.length > 0;
  }

  resolve(subscription: Subscription): ResolvedSubscription {
    const action = this.actionOf(subscription.channel, subscription.action);
    const parsed = action.parseConfig(unsealConfig(subscription, this.box));
    if (!parsed.ok)
      throw new Error(`stored config of ${subscription.id} no longer validates: ${parsed.issues.map((issue) => issue.message).join('; ')}`);
    return { subscription, action, config: parsed.config };
  }

  /** The retry schedule, time-out and rate limits this subscription's deliveries run under; `maxAttempts` is a round's cap. */
  policyOf(subscription: Pick<Subscription, 'channel' | 'action' | 'retryPolicy' | 'rateLimit'>): EffectivePolicy {
    const defaults = this.actionFor(subscription)?.defaults ?? UNKNOWN_ACTION_DEFAULTS;
    return effectivePolicy(defaults, subscription.retryPolicy, subscription.rateLimit);
  }

  actionFor(subscription: Pick<Subscription, 'channel' | 'action'>): ChannelAction | undefined {
    return this.registry.findAction(subscription.channel, subscription.action);
  }

  /**
   * Re-seals secrets sealed under an older key with the current one, after HERALD_ENCRYPTION_KEY
   * gained a new first key. Returns how many subscriptions were re-sealed.
   */
  async resealSecrets(batch = 500): Promise<number> {
    let resealed = 0;
    for (let after = ''; ; ) {
      const page = await this.subscriptions
        .createQueryBuilder('s')
        .where('s.secrets_encrypted IS NOT NULL AND s.id > :after', { after })
        .orderBy('s.id', 'ASC')
        .limit(batch)
        .getMany();
      if (page.length === 0) return resealed;
      for (const subscription of page.filter((candidate) => this.box.needsResealing(candidate.secretsEncrypted!))) {
        const sealed = this.box.encrypt(this.box.decrypt(subscription.secretsEncrypted!));
        await this.subscriptions.update(
          { id: subscription.id, secretsEncrypted: subscription.secretsEncrypted! },
          { secretsEncrypted: sealed },
        );
        resealed += 1;
      }
      after = page[page.length - 1]!.id;
    }
  }

  /** The API's view: snake_case, secrets masked. */
  view(subscription: Subscription) {
    const secretFields = this.actionFor(subscription)?.secretFields ?? [];
    return {
      id: subscription.id,
      name: subscription.name,
      channel: subscription.channel,
      action: subscription.action,
      event_types: subscription.eventTypes,
      config: maskConfig(unsealConfig(subscription, this.box), secretFields),
      enabled: subscription.enabled,
      retry_policy: subscription.retryPolicy,
      rate_limit: subscription.rateLimit,
      failure_notice: failureNoticeView(subscription.failureNotice, subscription.noticeTypes),
      preset: subscription.preset,
      filters: subscription.filters,
      health: {
        consecutive_failures: subscription.consecutiveFailures,
        failing_since: subscription.failingSince,
        last_success_at: subscription.lastSuccessAt,
        last_failure_at: subscription.lastFailureAt,
        paused_until: subscription.pausedUntil && subscription.pausedUntil > new Date() ? subscription.pausedUntil : null,
        disabled_reason: subscription.disabledReason,
        disabled_at: subscription.disabledAt,
      },
      created_at: subscription.createdAt,
      updated_at: subscription.updatedAt,
    };
  }

  private actionOf(channel: string, actionId: string): ChannelAction {
    const resolved = this.registry.resolve(channel, actionId);
    if ('problem' in resolved)
      throw invalidInput([{ field: resolved.problem.startsWith('channel') ? 'channel' : 'action', message: resolved.problem }]);
    return resolved.action;
  }

  private validConfig(action: ChannelAction, raw: Record<string, unknown>): Record<string, unknown> {
    const parsed = action.parseConfig(raw);
    if (!parsed.ok) throw invalidInput(configErrors(parsed.issues, raw));
    const unreachable = unreachableAddressProblems(action, raw, this.addressPolicy);
    // Each problem reads "config.<field> can never be delivered to: …".
    if (unreachable.length > 0) throw invalidInput(unreachable.map((message) => ({ field: message.split(' ')[0]!, message })));
    return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
  }
}

/** A channel's config issues as the API's field errors: paths under `config.`, a missing field said to be required. */
function configErrors(issues: readonly ConfigIssue[], raw: Record<string, unknown>): FieldError[] {
  return issues.map((issue) => {
    if (issue.field === 'config') return issue;
    const field = `config.${issue.field}`;
    if (valueAt(raw, issue.field) === undefined) return requiredField(field);
    return { field, message: issue.message.startsWith(issue.field) ? `config.${issue.message}` : `${field}: ${issue.message}` };
  });
}

function valueAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (current, key) => (typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined),
      value,
    );
}

/** A validated DTO as the plain JSON stored in a jsonb column. */
function plainJson(value: object | null | undefined): Record<string, unknown> | null {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null;
}

/** Applies a PATCH to a config: null removes a field; a secret sent back masked keeps its value. */
function mergeConfig(stored: Record<string, unknown>, changes: Record<string, unknown>, secretFields: readonly string[]) {
  const masked = maskConfig(stored, secretFields);
  const merged = { ...stored };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete merged[field];
    else if (!(secretFields.includes(field) && value === masked[field])) merged[field] = value;
  }
  return merged;
}
