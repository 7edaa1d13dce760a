import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type ApiKeyRole = 'admin' | 'publisher';

/** An API key of one project. Only the SHA-256 of the key is kept; the key is shown once. */
@Entity({ name: 'api_keys' })
export class ApiKey {
  @PrimaryColumn('text')
  id: string;

  @Index()
  @Column('text', { name: 'project_id' })
  projectId: string;

  @Column('text')
  name: string;

  @Column('text')
  role: ApiKeyRole;

  @Column('text', { name: 'key_hash', unique: true })
  keyHash: string;

  /** The first characters of the key, to tell keys apart in a list. */
  @Column('text', { name: 'key_prefix' })
  keyPrefix: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When a request last presented it (to within the few seconds a replica remembers a key). */
  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;
}
