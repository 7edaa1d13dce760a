import { hmacBase64 } from '@herald/channel-sdk';

/**
 * DingTalk 加签: Base64 of HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`
 * (the timestamp in milliseconds). Note the order differs from Feishu, which keys by the string.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return hmacBase64('sha256', secret, `${timestampMs}\n${secret}`);
}

/**
 * The webhook with `timestamp` and `sign` added as query parameters. URLSearchParams encodes the
 * raw Base64 once (`+` → %2B, `/` → %2F, `=` → %3D); encoding it beforehand would double-encode
 * it and DingTalk would answer 310000 "sign not match".
 */
export function signedWebhookUrl(serviceUrl: string, secret: string, timestampMs: number): string {
  const url = new URL(serviceUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return url.toString();
}
