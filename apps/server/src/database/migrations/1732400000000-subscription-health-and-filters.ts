import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Endpoint health per subscription, the failure-notice flag, filters, and skipped deliveries. */
export class SubscriptionHealthAndFilters1732400000000 implements MigrationInterface {
  name = 'SubscriptionHealthAndFilters1732400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE subscriptions
        ADD COLUMN failure_notice boolean NOT NULL DEFAULT false,
        ADD COLUMN filters jsonb,
        ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0,
        ADD COLUMN failing_since timestamptz,
        ADD COLUMN last_success_at timestamptz,
        ADD COLUMN last_failure_at timestamptz,
        ADD COLUMN paused_until timestamptz,
        ADD COLUMN pause_count integer NOT NULL DEFAULT 0,
        ADD COLUMN disabled_reason text,
        ADD COLUMN disabled_at timestamptz;
      CREATE INDEX subscriptions_failure_notice ON subscriptions (project_id) WHERE failure_notice;
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'delivering', 'succeeded', 'failed', 'skipped'));
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DELETE FROM deliveries WHERE status = 'skipped';
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'delivering', 'succeeded', 'failed'));
      DROP INDEX subscriptions_failure_notice;
      ALTER TABLE subscriptions DROP COLUMN failure_notice, DROP COLUMN filters, DROP COLUMN consecutive_failures, DROP COLUMN failing_since,
        DROP COLUMN last_success_at, DROP COLUMN last_failure_at, DROP COLUMN paused_until, DROP COLUMN pause_count,
        DROP COLUMN disabled_reason, DROP COLUMN disabled_at;
    `);
  }
}
