import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'projects' })
export class Project {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { unique: true })
  key: string;

  @Column('text')
  name: string;

  /** Days its events and deliveries are kept; null: HERALD_RETENTION_DAYS. */
  @Column('integer', { name: 'retention_days', nullable: true })
  retentionDays: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
