import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { GenericSettings } from './generic.adapter.js';

/** A URL secret for senders that can be given only a URL. Only the token's SHA-256 is kept. */
@Entity({ name: 'ingest_tokens' })
export class IngestToken {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'project_id' })
  projectId: string;

  @Column('text')
  adapter: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'token_hash', unique: true })
  tokenHash: string;

  @Column('text', { name: 'token_prefix' })
  tokenPrefix: string;

  /** SHA-256 of the token Feishu Project sends in `header.token`; null when none was set. */
  @Column('text', { name: 'verification_token_hash', nullable: true })
  verificationTokenHash: string | null;

  /** The generic adapter's settings. */
  @Column('jsonb', { nullable: true })
  settings: GenericSettings | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;
}
