import type { MigrationInterface, QueryRunner } from 'typeorm';

/** URL tokens of ingest adapters, kept as SHA-256 hashes. */
export class IngestTokens1795936078961 implements MigrationInterface {
  name = 'IngestTokens1795936078961';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ingest_tokens (
        id text PRIMARY KEY,
        project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        adapter text NOT NULL CHECK (adapter IN ('alertmanager', 'feishu-project', 'generic')),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        token_prefix text NOT NULL,
        verification_token_hash text,
        settings jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      );
      CREATE INDEX ingest_tokens_project ON ingest_tokens (project_id);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ingest_tokens');
  }
}
