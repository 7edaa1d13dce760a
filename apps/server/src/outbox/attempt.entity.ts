import type { RequestSummary } from '@herald/channel-sdk';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AttemptOutcome = 'delivered' | 'retry' | 'failed';

/** One real attempt: what was sent (redacted), what came back (bounded), how it was judged. */
@Entity({ name: 'attempts' })
export class Attempt {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'delivery_id' })
  deliveryId: string;

  @Column('integer')
  number: number;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('integer', { name: 'duration_ms' })
  durationMs: number;

  @Column('text')
  outcome: AttemptOutcome;

  @Column('jsonb', { nullable: true })
  request: RequestSummary | null;

  @Column('integer', { name: 'response_status', nullable: true })
  responseStatus: number | null;

  @Column('text', { name: 'response_excerpt', nullable: true })
  responseExcerpt: string | null;

  @Column('text', { nullable: true })
  error: string | null;

  /** The channel's remark on a delivery that arrived with caveats (`delivered({ note })`). */
  @Column('text', { nullable: true })
  note: string | null;
}
