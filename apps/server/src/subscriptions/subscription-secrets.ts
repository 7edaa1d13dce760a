import { redactUrl } from '@herald/channel-sdk';
import type { SecretBox } from '../security/secret-box.js';

const MASK = '********';

/** Splits a config into what is stored in clear and the sealed secret fields. */
export function sealConfig(config: Record<string, unknown>, secretFields: readonly string[], box: SecretBox) {
  const secrets = Object.fromEntries(Object.entries(config).filter(([field]) => secretFields.includes(field)));
  const open = Object.fromEntries(Object.entries(config).filter(([field]) => !secretFields.includes(field)));
  return { config: open, secretsEncrypted: Object.keys(secrets).length > 0 ? box.encrypt(JSON.stringify(secrets)) : null };
}

export function unsealConfig(
  stored: { config: Record<string, unknown>; secretsEncrypted: string | null },
  box: SecretBox,
): Record<string, unknown> {
  const secrets = stored.secretsEncrypted ? (JSON.parse(box.decrypt(stored.secretsEncrypted)) as Record<string, unknown>) : {};
  return { ...stored.config, ...secrets };
}

/** The config as the API shows it: secret values masked (a URL keeps its host, to tell bots apart). */
export function maskConfig(config: Record<string, unknown>, secretFields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([field, value]) => {
      if (!secretFields.includes(field)) return [field, value];
      return [field, typeof value === 'string' && /^https?:\/\//i.test(value) ? redactUrl(value) : MASK];
    }),
  );
}
