import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscription's preset (`feishu_project`) and the failure-notice types it takes (null: all of
 * them); an index for the stats series, which counts a subscription's deliveries by completion time.
 */
export class PresetsNoticeTypesStats1795937697942 implements MigrationInterface {
  name = 'PresetsNoticeTypesStats1795937697942';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE subscriptions ADD COLUMN preset text, ADD COLUMN notice_types text[];
      CREATE INDEX deliveries_subscription_completed ON deliveries (subscription_id, completed_at) WHERE completed_at IS NOT NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX deliveries_subscription_completed;
      ALTER TABLE subscriptions DROP COLUMN preset, DROP COLUMN notice_types;
    `);
  }
}
