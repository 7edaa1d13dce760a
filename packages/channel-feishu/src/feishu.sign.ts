import { hmacBase64 } from '@herald/channel-sdk';

/**
 * Feishu's custom-bot signature: Base64(HMAC-SHA256) keyed by `timestamp + "\n" + secret`, over
 * the empty message (timestamp in seconds). Note the order differs from DingTalk, which keys by the
 * secret and signs the string; Feishu refuses that with 19021.
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return hmacBase64('sha256', `${timestampSeconds}\n${secret}`, '');
}

/** The top-level body fields of a signed message: `timestamp` (seconds, as a string) and `sign`. */
export function signatureFields(secret: string, nowMs: number): { timestamp: string; sign: string } {
  const timestampSeconds = Math.floor(nowMs / 1000);
  return { timestamp: String(timestampSeconds), sign: feishuSign(secret, timestampSeconds) };
}
