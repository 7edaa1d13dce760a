import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Bull job a pending delivery was first queued in (a batch of the publish that made it), for the sweeper to check. */
export class DeliveryQueuedAs1795939405775 implements MigrationInterface {
  name = 'DeliveryQueuedAs1795939405775';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries ADD COLUMN queued_as text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries DROP COLUMN queued_as');
  }
}
