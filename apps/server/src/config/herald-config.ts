import { randomBytes } from 'node:crypto';
import { LOG_LEVELS, type LogFormat, type LogLevel } from '../logging/root-logger.js';
import { fileURLToPath } from 'node:url';

export type HeraldRole = 'api' | 'worker' | 'all';

/** The service's settings, read once from the environment and validated at bootstrap. */
export interface HeraldConfig {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key (queues, limits, caches): lets several installations share one Redis. */
  redisPrefix: string;
  rootKey?: string;
  /** AES-256-GCM keys; the first encrypts, all decrypt (rotation). */
  encryptionKeys: Buffer[];
  channelPackages: string[];
  role: HeraldRole;
  allowPrivateNetworks: boolean;
  /** Hosts or CIDRs reachable even when private networks are refused, such as an on-prem Jenkins. */
  allowedHosts: string[];
  workerConcurrency: number;
  /** How many deliveries a publish may hand straight to this process's worker (0: all go through the queue). */
  handOffLimit: number;
  sweepIntervalMs: number;
  /** How long a worker may hold a delivery beyond its request time-out before another may take it. */
  leaseMarginMs: number;
  databaseRetryAttempts: number;
  /** Requests one API key may make to one replica in a minute. */
  apiRateLimitPerMinute: number;
  /** When a destination keeps failing: pause after this many failed attempts in a row, for longer each time; disable after failing this long. */
  health: { pauseAfterFailures: number; pauseBaseMs: number; pauseMaxMs: number; disableAfterMs: number };
  logLevel: LogLevel;
  /** `auto`: readable on a terminal, JSON lines otherwise. */
  logFormat: LogFormat;
  /** How often PostgreSQL and Redis are asked whether they answer (a lost one is logged, readiness fails). */
  dependencyCheckIntervalMs: number;
  /** After SIGTERM: how long readiness fails before the process stops taking requests, for load balancers to notice. */
  drainDelayMs: number;
  /** Events, deliveries and attempts older than this are removed (a project may set its own). */
  retentionDays: number;
  retentionIntervalMs: number;
  /** The built web console served at /console. */
  consoleDirectory: string;
}

export const FIRST_PARTY_CHANNELS = [
  '@herald/channel-http',
  '@herald/channel-feishu',
  '@herald/channel-wecom',
  '@herald/channel-dingtalk',
  '@herald/channel-slack',
  '@herald/channel-discord',
  '@herald/channel-jenkins',
];

/** Where the monorepo builds the console (apps/console/dist), from this file in src/config or dist/config. */
const DEFAULT_CONSOLE_DIRECTORY = fileURLToPath(new URL('../../../console/dist', import.meta.url));

export class ConfigurationError extends Error {}

type Environment = Record<string, string | undefined>;

export function loadConfig(env: Environment = process.env): HeraldConfig {
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/herald', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: env.HERALD_REDIS_PREFIX || 'herald',
    rootKey: rootKey(env.HERALD_ROOT_KEY),
    encryptionKeys: encryptionKeys(env.HERALD_ENCRYPTION_KEY),
    channelPackages: list(env.HERALD_CHANNELS) ?? FIRST_PARTY_CHANNELS,
    role: role(env.HERALD_ROLE),
    allowPrivateNetworks: boolean(env, 'HERALD_ALLOW_PRIVATE_NETWORKS', false),
    allowedHosts: list(env.HERALD_ALLOWED_HOSTS) ?? [],
    workerConcurrency: integer(env, 'HERALD_WORKER_CONCURRENCY', 64, 1, 1000),
    handOffLimit: integer(env, 'HERALD_HANDOFF_LIMIT', 5_000, 0, 1_000_000),
    sweepIntervalMs: integer(env, 'HERALD_SWEEP_INTERVAL_MS', 10_000, 100, 3_600_000),
    leaseMarginMs: integer(env, 'HERALD_LEASE_MARGIN_MS', 10_000, 0, 3_600_000),
    databaseRetryAttempts: integer(env, 'HERALD_DATABASE_RETRY_ATTEMPTS', 10, 0, 1000),
    apiRateLimitPerMinute: integer(env, 'HERALD_API_RATE_LIMIT', 6000, 1, 10_000_000),
    health: {
      pauseAfterFailures: integer(env, 'HERALD_PAUSE_AFTER_FAILURES', 5, 1, 10_000),
      pauseBaseMs: integer(env, 'HERALD_PAUSE_BASE_MS', 60_000, 100, 86_400_000),
      pauseMaxMs: integer(env, 'HERALD_PAUSE_MAX_MS', 3_600_000, 100, 7 * 86_400_000),
      disableAfterMs: integer(env, 'HERALD_DISABLE_AFTER_MS', 3 * 86_400_000, 1_000, 365 * 86_400_000),
    },
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    logFormat: oneOf(env, 'LOG_FORMAT', 'auto', ['auto', 'json', 'pretty'] as const),
    dependencyCheckIntervalMs: integer(env, 'HERALD_DEPENDENCY_CHECK_INTERVAL_MS', 5_000, 100, 3_600_000),
    drainDelayMs: integer(env, 'HERALD_DRAIN_DELAY_MS', 0, 0, 600_000),
    retentionDays: integer(env, 'HERALD_RETENTION_DAYS', 30, 1, 36_500),
    retentionIntervalMs: integer(env, 'HERALD_RETENTION_INTERVAL_MS', 3_600_000, 100, 7 * 86_400_000),
    consoleDirectory: env.HERALD_CONSOLE_DIR || DEFAULT_CONSOLE_DIRECTORY,
  };
}

function integer(env: Environment, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function url(env: Environment, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name} is not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigurationError(`${name} must start with ${protocols.join(' or ')}//`);
  return raw;
}

function boolean(env: Environment, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigurationError(`${name} must be true or false, got "${env[name]}"`);
}

function list(raw: string | undefined): string[] | undefined {
  const items = raw
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function oneOf<T extends string>(env: Environment, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigurationError(`${name} must be one of ${allowed.join(', ')}, got "${env[name]}"`);
}

/** Long enough that guessing it is hopeless: 32 hex characters are 128 random bits. */
export const MIN_ROOT_KEY_LENGTH = 32;

function rootKey(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw.length < MIN_ROOT_KEY_LENGTH) {
    throw new ConfigurationError(
      `HERALD_ROOT_KEY must be at least ${MIN_ROOT_KEY_LENGTH} characters (it has ${raw.length}); make one with: openssl rand -hex 32 — or leave it unset and Herald generates one on first start`,
    );
  }
  return raw;
}

function role(raw: string | undefined): HeraldRole {
  const value = raw || 'all';
  if (value === 'api' || value === 'worker' || value === 'all') return value;
  throw new ConfigurationError(`HERALD_ROLE must be api, worker or all, got "${raw}"`);
}

/** Comma-separated keys, each 32 bytes as base64 or 64 hex characters; the first one encrypts. */
export function encryptionKeys(raw: string | undefined): Buffer[] {
  if (!raw) return [];
  return raw.split(',').map((item, index) => {
    const text = item.trim();
    const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
    if (key.length !== 32) {
      throw new ConfigurationError(`HERALD_ENCRYPTION_KEY entry ${index + 1} must be 32 bytes as base64 or 64 hex characters`);
    }
    return key;
  });
}

export function generateEncryptionKey(): string {
  return randomBytes(32).toString('base64');
}

export const HERALD_CONFIG = Symbol.for('herald.HeraldConfig');
