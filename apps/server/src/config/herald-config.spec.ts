import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, encryptionKeys, FIRST_PARTY_CHANNELS, loadConfig } from './herald-config.js';

const strongRootKey = 'a'.repeat(64);

describe('loadConfig', () => {
  it('has working defaults for a machine with PostgreSQL and Redis on 127.0.0.1', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/herald',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'herald',
      rootKey: undefined,
      encryptionKeys: [],
      channelPackages: FIRST_PARTY_CHANNELS,
      role: 'all',
      allowPrivateNetworks: false,
      allowedHosts: [],
      workerConcurrency: 64,
      sweepIntervalMs: 10_000,
      leaseMarginMs: 10_000,
      databaseRetryAttempts: 10,
      apiRateLimitPerMinute: 6000,
    });
  });

  it.each([
    ['PORT', '8080', { port: 8080 }],
    ['HERALD_ROLE', 'worker', { role: 'worker' }],
    ['HERALD_ALLOW_PRIVATE_NETWORKS', 'YES', { allowPrivateNetworks: true }],
    ['HERALD_ALLOW_PRIVATE_NETWORKS', 'off', { allowPrivateNetworks: false }],
    [
      'HERALD_CHANNELS',
      ' @herald/channel-http , herald-channel-ntfy ,',
      { channelPackages: ['@herald/channel-http', 'herald-channel-ntfy'] },
    ],
    ['HERALD_ALLOWED_HOSTS', 'jenkins.internal,10.0.0.0/8', { allowedHosts: ['jenkins.internal', '10.0.0.0/8'] }],
    ['HERALD_LEASE_MARGIN_MS', '0', { leaseMarginMs: 0 }],
    ['HERALD_DATABASE_RETRY_ATTEMPTS', '3', { databaseRetryAttempts: 3 }],
    ['HERALD_ROOT_KEY', strongRootKey, { rootKey: strongRootKey }],
    ['HERALD_ROOT_KEY', '', { rootKey: undefined }],
    ['HERALD_PAUSE_AFTER_FAILURES', '2', { health: expect.objectContaining({ pauseAfterFailures: 2 }) }],
  ])('reads %s=%j', (name, value, expected) => {
    expect(loadConfig({ [name]: value })).toMatchObject(expected);
  });

  it.each([
    ['PORT', '70000', 'PORT must be a whole number from 0 to 65535, got "70000"'],
    ['HERALD_WORKER_CONCURRENCY', '1.5', 'HERALD_WORKER_CONCURRENCY must be a whole number from 1 to 1000, got "1.5"'],
    ['HERALD_SWEEP_INTERVAL_MS', 'often', 'HERALD_SWEEP_INTERVAL_MS must be a whole number from 100 to 3600000, got "often"'],
    ['HERALD_ALLOW_PRIVATE_NETWORKS', 'maybe', 'HERALD_ALLOW_PRIVATE_NETWORKS must be true or false, got "maybe"'],
    ['HERALD_ROLE', 'both', 'HERALD_ROLE must be api, worker or all, got "both"'],
    ['DATABASE_URL', 'mysql://localhost/herald', 'DATABASE_URL must start with postgres: or postgresql://'],
    ['REDIS_URL', 'not a url', 'REDIS_URL is not a URL'],
    [
      'HERALD_ROOT_KEY',
      'change-me-root-key',
      'HERALD_ROOT_KEY must be at least 32 characters (it has 18); make one with: openssl rand -hex 32',
    ],
    ['HERALD_ROOT_KEY', 'x', 'HERALD_ROOT_KEY must be at least 32 characters (it has 1)'],
  ])('refuses %s=%j, saying why', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigurationError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('accepts a root key of exactly the minimum length', () => {
    expect(loadConfig({ HERALD_ROOT_KEY: 'k'.repeat(32) }).rootKey).toBe('k'.repeat(32));
  });
});

describe('encryptionKeys', () => {
  const hex = 'ab'.repeat(32);
  const base64 = Buffer.alloc(32, 7).toString('base64');

  it('reads 64 hex characters or base64 of 32 bytes, the first key first', () => {
    const keys = encryptionKeys(`${hex}, ${base64}`);
    expect(keys.map((key) => key.toString('hex'))).toEqual([hex, Buffer.alloc(32, 7).toString('hex')]);
  });

  it('is empty when unset', () => {
    expect(encryptionKeys(undefined)).toEqual([]);
  });

  it.each([['short'], [Buffer.alloc(16).toString('base64')], ['ab'.repeat(31)]])('refuses %s, naming the entry', (raw) => {
    expect(() => encryptionKeys(`${hex},${raw}`)).toThrow('HERALD_ENCRYPTION_KEY entry 2 must be 32 bytes as base64 or 64 hex characters');
  });
});
