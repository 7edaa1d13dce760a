import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.js';

const [oldKey, newKey, strangerKey] = [randomBytes(32), randomBytes(32), randomBytes(32)];

describe('SecretBox', () => {
  it.each([['s3cret'], [''], ['飞书签名密钥 🔑'], ['x'.repeat(10_000)]])('opens what it sealed: %#', (plaintext) => {
    const box = new SecretBox([newKey]);
    expect(box.decrypt(box.encrypt(plaintext))).toBe(plaintext);
  });

  it('never shows the secret, and seals the same secret differently each time', () => {
    const box = new SecretBox([newKey]);
    const [first, second] = [box.encrypt('hunter2-password'), box.encrypt('hunter2-password')];
    expect(first).not.toContain('hunter2');
    expect(first).not.toBe(second);
  });

  it('rotates: the first key seals, every key opens, and what an older key sealed needs resealing', () => {
    const before = new SecretBox([oldKey]);
    const sealedBefore = before.encrypt('rotate me');
    const after = new SecretBox([newKey, oldKey]);
    expect(after.decrypt(sealedBefore)).toBe('rotate me');
    expect(after.needsResealing(sealedBefore)).toBe(true);
    expect(after.needsResealing(after.encrypt('rotate me'))).toBe(false);
    expect(() => new SecretBox([oldKey]).decrypt(after.encrypt('x'))).toThrow('which is not in HERALD_ENCRYPTION_KEY');
  });

  it('refuses a secret sealed with a key it does not hold, naming that key', () => {
    const sealed = new SecretBox([strangerKey]).encrypt('elsewhere');
    expect(() => new SecretBox([newKey, oldKey]).decrypt(sealed)).toThrow(
      /^secret was sealed with key [0-9a-f]{8}, which is not in HERALD_ENCRYPTION_KEY$/,
    );
  });

  it('refuses a sealed value that was tampered with', () => {
    const box = new SecretBox([newKey]);
    const parts = box.encrypt('do not touch').split(':');
    const ciphertext = Buffer.from(parts[4]!, 'base64');
    ciphertext[0] = ciphertext[0]! ^ 1;
    parts[4] = ciphertext.toString('base64');
    expect(() => box.decrypt(parts.join(':'))).toThrow();
  });

  it.each([['plain text'], ['v2:abcd:iv:tag:data'], ['v1:only:three']])('refuses %j as not a sealed secret', (value) => {
    expect(() => new SecretBox([newKey]).decrypt(value)).toThrow('not a sealed secret');
  });

  it('needs a key', () => {
    expect(() => new SecretBox([])).toThrow('SecretBox needs at least one key');
  });
});
