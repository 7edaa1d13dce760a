import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { generateEncryptionKey, encryptionKeys, type HeraldConfig } from '../config/herald-config.js';
import { randomToken, sha256Hex } from './secret-box.js';

export interface InstallationSecrets {
  rootKeyHash: string;
  encryptionKeys: Buffer[];
}

const ROOT_KEY_HASH = 'root_key_hash';
const FALLBACK_ENCRYPTION_KEY = 'fallback_encryption_key';

/**
 * The root key's hash and the encryption keys. When HERALD_ROOT_KEY is unset a root key is
 * generated on first start, printed once and kept only as a hash. When HERALD_ENCRYPTION_KEY is
 * unset a generated key is kept in the database, with a warning: fine for a trial, not for production.
 */
export async function resolveInstallationSecrets(
  config: HeraldConfig,
  dataSource: DataSource,
  logger = new Logger('Herald'),
): Promise<InstallationSecrets> {
  return {
    rootKeyHash: config.rootKey ? sha256Hex(config.rootKey) : await generatedRootKeyHash(dataSource, logger),
    encryptionKeys: config.encryptionKeys.length > 0 ? config.encryptionKeys : await fallbackEncryptionKeys(dataSource, logger),
  };
}

async function generatedRootKeyHash(dataSource: DataSource, logger: Logger): Promise<string> {
  const candidate = `hrk_${randomToken(32)}`;
  const stored = await storeOnce(dataSource, ROOT_KEY_HASH, sha256Hex(candidate));
  if (stored === sha256Hex(candidate)) {
    process.stdout.write(
      `\n  Herald generated a root key. It is shown this once and kept only as a hash:\n\n      HERALD_ROOT_KEY=${candidate}\n\n`,
    );
  } else {
    logger.log('using the root key generated on first start (set HERALD_ROOT_KEY to choose one)');
  }
  return stored;
}

async function fallbackEncryptionKeys(dataSource: DataSource, logger: Logger): Promise<Buffer[]> {
  logger.warn('HERALD_ENCRYPTION_KEY is not set: secrets are encrypted with a generated key kept in the database. Set it in production.');
  return encryptionKeys(await storeOnce(dataSource, FALLBACK_ENCRYPTION_KEY, generateEncryptionKey()));
}

/** Stores `value` under `name` unless a value is there already; returns what is stored. */
async function storeOnce(dataSource: DataSource, name: string, value: string): Promise<string> {
  await dataSource.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, value]);
  const rows: Array<{ value: string }> = await dataSource.query('SELECT value FROM settings WHERE name = $1', [name]);
  return rows[0]!.value;
}
