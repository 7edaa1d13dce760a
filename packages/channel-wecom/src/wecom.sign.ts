import { createHash } from 'node:crypto';

/**
 * WeCom signs nothing: a robot's credential is the `key` in its URL and an application's is the
 * access token in the query. The one checksum it verifies is that of an image message, which this
 * computes: `{"msgtype":"image","image":{"base64":…,"md5":…}}`, the md5 (hex) of the raw bytes, not
 * of the base64 text. At most 2 MB before encoding, JPG or PNG.
 */
export function wecomImagePayload(bytes: Buffer | Uint8Array | string): { base64: string; md5: string } {
  const raw = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  return { base64: raw.toString('base64'), md5: createHash('md5').update(raw).digest('hex') };
}
