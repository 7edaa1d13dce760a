import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Event types a project registers: description, JSON Schema of `data`, example, and a version that moves on every change. */
export class EventTypes1795935884692 implements MigrationInterface {
  name = 'EventTypes1795935884692';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE event_types (
        project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        type text NOT NULL,
        description jsonb,
        schema jsonb,
        example jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, type)
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE event_types');
  }
}
