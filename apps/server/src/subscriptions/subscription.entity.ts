import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface RetryPolicySetting {
  max_attempts?: number;
  initial_delay_ms?: number;
  max_delay_ms?: number;
  timeout_ms?: number;
}

export interface RateLimitSetting {
  max: number;
  per_ms: number;
}

@Entity({ name: 'subscriptions' })
@Index(['projectId', 'enabled'])
export class Subscription {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'project_id' })
  projectId: string;

  @Column('text')
  name: string;

  @Column('text')
  channel: string;

  @Column('text')
  action: string;

  @Column('text', { name: 'event_types', array: true })
  eventTypes: string[];

  /** The config without its secret fields. */
  @Column('jsonb')
  config: Record<string, unknown>;

  /** The secret fields of the config, encrypted (AES-256-GCM); null when there are none. */
  @Column('text', { name: 'secrets_encrypted', nullable: true })
  secretsEncrypted: string | null;

  @Column('boolean')
  enabled: boolean;

  @Column('jsonb', { name: 'retry_policy', nullable: true })
  retryPolicy: RetryPolicySetting | null;

  @Column('jsonb', { name: 'rate_limit', nullable: true })
  rateLimit: RateLimitSetting | null;

  /** This subscription receives the project's failure notices (herald.subscription.paused / .disabled, herald.delivery.failed). */
  @Column('boolean', { name: 'failure_notice' })
  failureNotice: boolean;

  /** The notice types it takes; null for all of them. */
  @Column('text', { name: 'notice_types', array: true, nullable: true })
  noticeTypes: string[] | null;

  /** Ready-made delivery settings (`feishu_project`), folded into `retryPolicy`. */
  @Column('text', { nullable: true })
  preset: string | null;

  @Column('jsonb', { nullable: true })
  filters: Record<string, unknown> | null;

  @Column('integer', { name: 'consecutive_failures' })
  consecutiveFailures: number;

  /** When the current run of failures began; null after a success. */
  @Column('timestamptz', { name: 'failing_since', nullable: true })
  failingSince: Date | null;

  @Column('timestamptz', { name: 'last_success_at', nullable: true })
  lastSuccessAt: Date | null;

  @Column('timestamptz', { name: 'last_failure_at', nullable: true })
  lastFailureAt: Date | null;

  /** Deliveries wait until then: the destination failed too often in a row. */
  @Column('timestamptz', { name: 'paused_until', nullable: true })
  pausedUntil: Date | null;

  @Column('integer', { name: 'pause_count' })
  pauseCount: number;

  /** Why Herald disabled the subscription; null when it is enabled or a person disabled it. */
  @Column('text', { name: 'disabled_reason', nullable: true })
  disabledReason: string | null;

  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
