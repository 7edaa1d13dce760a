import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Subscription } from './subscription.entity.js';
import { SubscriptionIndex } from './subscription-index.js';

/** What publishing needs of a subscription: read as plain rows, never hydrated as entities. */
export type SubscriptionTarget = Pick<
  Subscription,
  'id' | 'name' | 'channel' | 'action' | 'eventTypes' | 'enabled' | 'disabledReason' | 'filters' | 'retryPolicy' | 'rateLimit'
>;

interface CachedMatcher {
  version: string;
  index: SubscriptionIndex<SubscriptionTarget>;
}

const MAX_PROJECTS = 256;

/**
 * A matcher per project, kept in memory. Every change to a project's subscriptions (through any
 * replica, or straight in SQL) bumps `projects.subscriptions_version` in the same transaction (a
 * trigger does it), and each publish reads that version first: a matcher built from an older
 * version is rebuilt, so no replica matches against subscriptions that changed before the publish.
 * The least recently used projects are dropped beyond MAX_PROJECTS.
 */
@Injectable()
export class SubscriptionMatchers {
  private readonly matchers = new Map<string, CachedMatcher>();
  private readonly loading = new Map<string, Promise<CachedMatcher>>();
  constructor(private readonly dataSource: DataSource) {}

  /** `version` is the project's subscriptions version, read by the publish (ProjectVersionReader, with the event types' version). */
  async matcher(projectId: string, version: string): Promise<SubscriptionIndex<SubscriptionTarget>> {
    const cached = this.matchers.get(projectId);
    if (cached?.version === version) {
      this.matchers.delete(projectId);
      this.matchers.set(projectId, cached);
      return cached.index;
    }
    return (await this.build(projectId, version)).index;
  }

  /** One load per project and version, however many publishes wait for it. */
  private build(projectId: string, version: string): Promise<CachedMatcher> {
    const key = `${projectId}@${version}`;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const loaded = this.load(projectId, version).finally(() => this.loading.delete(key));
    this.loading.set(key, loaded);
    return loaded;
  }

  private async load(projectId: string, version: string): Promise<CachedMatcher> {
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT id, name, channel, action, event_types, enabled, disabled_reason, filters, retry_policy, rate_limit
       FROM subscriptions WHERE project_id = $1 AND (enabled OR disabled_reason IS NOT NULL)`,
      [projectId],
    );
    const targets: SubscriptionTarget[] = rows.map((row) => ({
      id: row.id,
      name: row.name,
      channel: row.channel,
      action: row.action,
      eventTypes: row.event_types,
      enabled: row.enabled,
      disabledReason: row.disabled_reason,
      filters: row.filters,
      retryPolicy: row.retry_policy,
      rateLimit: row.rate_limit,
    }));
    const cached = { version, index: new SubscriptionIndex(targets) };
    this.matchers.delete(projectId);
    this.matchers.set(projectId, cached);
    if (this.matchers.size > MAX_PROJECTS) this.matchers.delete(this.matchers.keys().next().value!);
    return cached;
  }
}
