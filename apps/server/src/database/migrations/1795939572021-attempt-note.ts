import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A channel's remark on a delivered attempt (partly invalid recipients, jobs not triggered). */
export class AttemptNote1795939572021 implements MigrationInterface {
  name = 'AttemptNote1795939572021';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE attempts ADD COLUMN note text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE attempts DROP COLUMN note');
  }
}
