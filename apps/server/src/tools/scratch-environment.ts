import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

const ADMIN_DATABASE_URL = process.env.HERALD_SCRATCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCRATCH_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A throw-away installation for tests, benchmarks and the chaos run: a database and a Redis
 * prefix of its own, and the environment that points Herald at them; `dispose` removes both.
 */
export interface ScratchEnvironment {
  databaseUrl: string;
  redisPrefix: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export const ROOT_KEY = `hrk_scratch_${randomBytes(12).toString('hex')}`;
export const ENCRYPTION_KEY = randomBytes(32).toString('base64');

export async function createScratchEnvironment(extraEnv: Record<string, string> = {}): Promise<ScratchEnvironment> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const name = `herald_scratch_${suffix}`;
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const redisPrefix = `herald_scratch_${suffix}`;
  const env = {
    DATABASE_URL: url.toString(),
    REDIS_URL: SCRATCH_REDIS_URL,
    HERALD_REDIS_PREFIX: redisPrefix,
    HERALD_ROOT_KEY: ROOT_KEY,
    HERALD_ENCRYPTION_KEY: ENCRYPTION_KEY,
    HERALD_ALLOW_PRIVATE_NETWORKS: 'true',
    HERALD_SWEEP_INTERVAL_MS: '500',
    HERALD_LEASE_MARGIN_MS: '1000',
    HERALD_DATABASE_RETRY_ATTEMPTS: '0',
    PORT: '0',
    ...(process.env.HERALD_CHANNELS ? { HERALD_CHANNELS: process.env.HERALD_CHANNELS } : {}),
    ...extraEnv,
  };
  return {
    databaseUrl: env.DATABASE_URL,
    redisPrefix,
    env,
    dispose: async () => {
      await dropDatabase(name);
      await deleteRedisKeys(redisPrefix);
    },
  };
}

async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(SCRATCH_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
