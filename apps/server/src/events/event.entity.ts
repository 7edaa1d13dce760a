import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'events' })
export class EventRecord {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'project_id' })
  projectId: string;

  /** The publisher's `id`: a repeat within the project is a duplicate. */
  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  @Column('text')
  type: string;

  @Column('text')
  source: string;

  @Column('text', { nullable: true })
  subject: string | null;

  @Column('timestamptz')
  time: Date;

  @Column('jsonb')
  data: unknown;

  @Column('integer', { name: 'delivery_count' })
  deliveryCount: number;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
