import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * AES-256-GCM for secrets at rest, with a key ring: the first key encrypts, any key decrypts (each
 * ciphertext names its key by a short fingerprint), so keys rotate without downtime.
 */
export class SecretBox {
  private readonly keysById: Map<string, Buffer>;

  constructor(private readonly keys: Buffer[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key');
    this.keysById = new Map(keys.map((key) => [fingerprint(key), key]));
  }

  encrypt(plaintext: string): string {
    const key = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, fingerprint(key), iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(
      ':',
    );
  }

  decrypt(sealed: string): string {
    const [version, keyId, iv, tag, ciphertext] = sealed.split(':');
    if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
    const key = this.keysById.get(keyId);
    if (!key) throw new Error(`secret was sealed with key ${keyId}, which is not in HERALD_ENCRYPTION_KEY`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Whether a sealed value was sealed with a key other than the current one. */
  needsResealing(sealed: string): boolean {
    return sealed.split(':')[1] !== fingerprint(this.keys[0]!);
  }
}

function fingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
