import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed' | 'skipped';

@Entity({ name: 'deliveries' })
export class Delivery {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'project_id' })
  projectId: string;

  @Column('text', { name: 'event_id' })
  eventId: string;

  @Column('text', { name: 'subscription_id' })
  subscriptionId: string;

  @Column('text')
  status: DeliveryStatus;

  @Column('integer', { name: 'attempt_count' })
  attemptCount: number;

  /** How many attempts this delivery may make in all; a manual retry grants a new round. */
  @Column('integer', { name: 'attempts_allowed' })
  attemptsAllowed: number;

  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt: Date | null;

  /** While delivering: until when the worker that claimed it holds it. */
  @Column('timestamptz', { name: 'lease_expires_at', nullable: true })
  leaseExpiresAt: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
