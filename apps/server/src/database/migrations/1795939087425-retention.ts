import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention: a project may keep its events and deliveries for its own number of days (null: the
 * installation's HERALD_RETENTION_DAYS); indexes let the worker find the oldest rows without scans.
 */
export class Retention1795939087425 implements MigrationInterface {
  name = 'Retention1795939087425';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE projects ADD COLUMN retention_days integer CHECK (retention_days BETWEEN 1 AND 36500);
      CREATE INDEX deliveries_created ON deliveries (created_at);
      CREATE INDEX events_received ON events (received_at);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX events_received;
      DROP INDEX deliveries_created;
      ALTER TABLE projects DROP COLUMN retention_days;
    `);
  }
}
