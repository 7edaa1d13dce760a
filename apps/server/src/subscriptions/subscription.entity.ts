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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
