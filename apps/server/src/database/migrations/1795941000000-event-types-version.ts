import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `projects.event_types_version`, bumped in the same transaction as any change to a project's
 * registered event types, so a publish learns with the subscriptions' version, in one read, whether
 * the schemas it checks against are still the ones this replica compiled. Statement triggers, as for
 * `subscriptions_version`.
 */
export class EventTypesVersion1795941000000 implements MigrationInterface {
  name = 'EventTypesVersion1795941000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE projects ADD COLUMN event_types_version bigint NOT NULL DEFAULT 0;
      CREATE FUNCTION bump_event_types_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE projects SET event_types_version = event_types_version + 1 WHERE id IN (SELECT project_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE projects SET event_types_version = event_types_version + 1 WHERE id IN (SELECT project_id FROM old_rows);
        ELSE
          UPDATE projects SET event_types_version = event_types_version + 1
          WHERE id IN (SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER event_types_version_on_insert AFTER INSERT ON event_types
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_event_types_version();
      CREATE TRIGGER event_types_version_on_update AFTER UPDATE ON event_types
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_event_types_version();
      CREATE TRIGGER event_types_version_on_delete AFTER DELETE ON event_types
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_event_types_version();
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TRIGGER event_types_version_on_insert ON event_types;
      DROP TRIGGER event_types_version_on_update ON event_types;
      DROP TRIGGER event_types_version_on_delete ON event_types;
      DROP FUNCTION bump_event_types_version();
      ALTER TABLE projects DROP COLUMN event_types_version;
    `);
  }
}
