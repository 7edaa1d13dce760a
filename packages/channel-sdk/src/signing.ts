import { createHmac, timingSafeEqual } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

export function hmacBase64(algorithm: HmacAlgorithm, key: string | Buffer, message: string | Buffer): string {
  return createHmac(algorithm, key).update(message).digest('base64');
}

export function hmacHex(algorithm: HmacAlgorithm, key: string | Buffer, message: string | Buffer): string {
  return createHmac(algorithm, key).update(message).digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function constantTimeEqual(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
