import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `projects.subscriptions_version`, bumped in the same transaction as any change to a project's
 * subscriptions that matching depends on, so every replica can tell its in-memory matcher is stale.
 * Statement triggers: a bulk insert bumps each project once.
 */
export class SubscriptionsVersion1795936027315 implements MigrationInterface {
  name = 'SubscriptionsVersion1795936027315';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE projects ADD COLUMN subscriptions_version bigint NOT NULL DEFAULT 0;
      CREATE FUNCTION bump_subscriptions_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE projects SET subscriptions_version = subscriptions_version + 1 WHERE id IN (SELECT project_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE projects SET subscriptions_version = subscriptions_version + 1 WHERE id IN (SELECT project_id FROM old_rows);
        ELSE
          UPDATE projects SET subscriptions_version = subscriptions_version + 1 WHERE id IN (
            SELECT n.project_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.project_id, n.name, n.channel, n.action, n.event_types, n.enabled, n.disabled_reason, n.filters, n.retry_policy)
              IS DISTINCT FROM (o.project_id, o.name, o.channel, o.action, o.event_types, o.enabled, o.disabled_reason, o.filters, o.retry_policy)
            UNION SELECT o.project_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.project_id <> o.project_id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER subscriptions_version_on_insert AFTER INSERT ON subscriptions
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_subscriptions_version();
      CREATE TRIGGER subscriptions_version_on_update AFTER UPDATE ON subscriptions
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_subscriptions_version();
      CREATE TRIGGER subscriptions_version_on_delete AFTER DELETE ON subscriptions
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_subscriptions_version();
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TRIGGER subscriptions_version_on_insert ON subscriptions;
      DROP TRIGGER subscriptions_version_on_update ON subscriptions;
      DROP TRIGGER subscriptions_version_on_delete ON subscriptions;
      DROP FUNCTION bump_subscriptions_version();
      ALTER TABLE projects DROP COLUMN subscriptions_version;
    `);
  }
}
