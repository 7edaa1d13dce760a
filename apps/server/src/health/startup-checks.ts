import { Redis } from 'ioredis';
import pg from 'pg';
import { redactUrl } from '../logging/redaction.js';

const CONNECT_TIMEOUT_MS = 5_000;

/** A dependency the service cannot start without does not answer; the message says what to do. */
export class DependencyUnavailableError extends Error {}

/** Fails fast, with a clear message, when PostgreSQL or Redis cannot be reached at start. */
export async function requireDependencies(databaseUrl: string, redisUrl: string): Promise<void> {
  await Promise.all([requirePostgres(databaseUrl), requireRedis(redisUrl)]);
}

export async function requirePostgres(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres'; // the database itself may not exist yet: it is created at start
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new DependencyUnavailableError(
      `PostgreSQL cannot be reached at ${where(databaseUrl)} (${reason(error)}): start it, or set DATABASE_URL to where it runs`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function requireRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let connectionError: unknown;
  redis.on('error', (error) => {
    connectionError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new DependencyUnavailableError(
      `Redis cannot be reached at ${where(redisUrl)} (${reason(connectionError ?? error)}): start it, or set REDIS_URL to where it runs`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Host, port and database of a connection URL, without its credentials. */
function where(connectionUrl: string): string {
  const url = new URL(connectionUrl);
  url.username = '';
  url.password = '';
  return redactUrl(url.toString());
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code && !message?.includes(code) ? `${code}: ${message}` : (message ?? String(error));
}
