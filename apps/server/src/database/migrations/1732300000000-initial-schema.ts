import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1732300000000 implements MigrationInterface {
  name = 'InitialSchema1732300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE settings (name text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE projects (
        id text PRIMARY KEY,
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'publisher')),
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX api_keys_project ON api_keys (project_id);
      CREATE TABLE subscriptions (
        id text PRIMARY KEY,
        project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        channel text NOT NULL,
        action text NOT NULL,
        event_types text[] NOT NULL,
        config jsonb NOT NULL,
        secrets_encrypted text,
        enabled boolean NOT NULL DEFAULT true,
        retry_policy jsonb,
        rate_limit jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX subscriptions_project_enabled ON subscriptions (project_id, enabled);
      CREATE TABLE events (
        id text PRIMARY KEY,
        project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        idempotency_key text,
        type text NOT NULL,
        source text NOT NULL,
        subject text,
        time timestamptz NOT NULL,
        data jsonb NOT NULL,
        delivery_count integer NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX events_idempotency ON events (project_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE INDEX events_project ON events (project_id, id DESC);
      CREATE TABLE deliveries (
        id text PRIMARY KEY,
        project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        subscription_id text NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('pending', 'delivering', 'succeeded', 'failed')),
        attempt_count integer NOT NULL DEFAULT 0,
        attempts_allowed integer NOT NULL,
        next_attempt_at timestamptz,
        lease_expires_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      );
      CREATE INDEX deliveries_project ON deliveries (project_id, id DESC);
      CREATE INDEX deliveries_subscription ON deliveries (subscription_id, id DESC);
      CREATE INDEX deliveries_event ON deliveries (event_id);
      CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX deliveries_leased ON deliveries (lease_expires_at) WHERE status = 'delivering';
      CREATE TABLE attempts (
        id text PRIMARY KEY,
        delivery_id text NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        number integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
        request jsonb,
        response_status integer,
        response_excerpt text,
        error text
      );
      CREATE INDEX attempts_delivery ON attempts (delivery_id, number);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE attempts, deliveries, events, subscriptions, api_keys, projects, settings');
  }
}
