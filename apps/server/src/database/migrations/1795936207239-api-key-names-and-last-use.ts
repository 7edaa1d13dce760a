import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys get a name (the keys made with a project are named after their role) and the time they were last used. */
export class ApiKeyNamesAndLastUse1795936207239 implements MigrationInterface {
  name = 'ApiKeyNamesAndLastUse1795936207239';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE api_keys ADD COLUMN name text, ADD COLUMN last_used_at timestamptz;
      UPDATE api_keys SET name = role;
      ALTER TABLE api_keys ALTER COLUMN name SET NOT NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE api_keys DROP COLUMN name, DROP COLUMN last_used_at');
  }
}
