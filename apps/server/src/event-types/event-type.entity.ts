import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An event type a project registered: its description, the JSON Schema of its `data`, an example. */
@Entity({ name: 'event_types' })
export class RegisteredEventType {
  @PrimaryColumn('text', { name: 'project_id' })
  projectId: string;

  @PrimaryColumn('text')
  type: string;

  /** A text, or `{zh, en}` as the built-in catalogs give. */
  @Column('jsonb', { nullable: true })
  description: unknown;

  @Column('jsonb', { nullable: true })
  schema: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  example: unknown;

  /** Grows on every change: each replica recompiles a schema whose version it has not seen. */
  @Column('integer')
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
