import { hmacHex } from '@herald/channel-sdk';
import { Webhook } from 'standardwebhooks';
import type { HttpWebhookConfig } from './http.config.js';

/** CODING's service-hook signature: `sha1=` + hex HMAC-SHA1 of the exact body bytes, keyed by the token. */
export function heraldSignature(token: string, payload: string): string {
  return `sha1=${hmacHex('sha1', token, payload)}`;
}

/**
 * The Standard Webhooks `webhook-signature` value: `v1,<base64>` for the current secret, and for
 * the previous one too while its rotation grace period lasts (space separated, as the spec allows).
 */
export function standardWebhookSignature(
  config: Pick<HttpWebhookConfig, 'webhook_secret' | 'previous_webhook_secret' | 'previous_webhook_secret_expires_at'>,
  messageId: string,
  timestamp: Date,
  payload: string,
): string | undefined {
  const secrets = [config.webhook_secret];
  const expiry = config.previous_webhook_secret_expires_at;
  if (config.previous_webhook_secret && expiry && Date.parse(expiry) > timestamp.getTime()) secrets.push(config.previous_webhook_secret);
  const signatures = secrets
    .filter((secret): secret is string => Boolean(secret))
    .map((secret) => new Webhook(secret).sign(messageId, timestamp, payload));
  return signatures.length > 0 ? signatures.join(' ') : undefined;
}
