import {
  classifyHttpAnswer,
  delivered,
  failed,
  parseJsonBody,
  parseRetryAfter,
  retryLater,
  type DeliveryOutcome,
  type HttpResponse,
} from '@herald/channel-sdk';
import { describeDiscordError, type DiscordErrorBody } from './discord.errors.js';

/** How Discord's answers are classified; the codes and their sources are in this package's PROTOCOL.md. */

const SECOND = 1000;
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * SECOND;

/** Discord's answer → outcome. Discord speaks in HTTP statuses, with a JSON `code` for detail. */
export function interpretDiscordAnswer(response: HttpResponse, now = Date.now()): DeliveryOutcome {
  // 200 carries the saved message (we ask ?wait=true); 204 is the answer without wait.
  if (response.status === 200 || response.status === 204) return delivered();
  const body = parseJsonBody<DiscordErrorBody>(response) ?? {};
  const refused = `Discord refused the message: ${describeDiscordError(body, response.status)}`;
  switch (response.status) {
    case 429:
      return throttled(response, body, now);
    // 50027 Invalid Webhook Token: the token in the URL was reset or is wrong; no retry mends it.
    case 401:
      return failed(`${refused} — service_url's token is not valid; copy the webhook URL again`, { destinationGone: true });
    // 10015 Unknown Webhook: the webhook was deleted. Discord restricts clients that keep calling it.
    case 404:
      return body.code === 10015
        ? failed(`${refused} — the webhook was deleted`, { destinationGone: true })
        : failed(`${refused} — service_url is not a Discord webhook URL`);
    // 50035 Invalid Form Body names each bad field; 50006 is an empty message.
    case 400:
    case 403:
    case 413:
      return failed(refused);
    case 405:
      return failed(`${refused} — service_url does not point at a webhook`);
  }
  // 502 is Discord's "gateway unavailable"; it and any other 5xx are worth another attempt.
  return classifyHttpAnswer(response, 'Discord');
}

/**
 * 429: wait the longer of the Retry-After header and the body's `retry_after` (float seconds).
 * `global: true` means the whole server's IP is throttled; the reason says so, the core waits.
 */
function throttled(response: HttpResponse, body: DiscordErrorBody, now: number): DeliveryOutcome {
  const fromHeader = parseRetryAfter(response.headers['retry-after'], now);
  const fromBody = typeof body.retry_after === 'number' ? Math.min(Math.ceil(body.retry_after * SECOND), MAX_RETRY_AFTER_MS) : undefined;
  const waits = [fromHeader, fromBody].filter((wait): wait is number => wait !== undefined);
  const retryAfterMs = waits.length > 0 ? Math.max(...waits) : (parseRetryAfter(response.headers['x-ratelimit-reset-after']) ?? 2 * SECOND);
  const global = body.global === true || response.headers['x-ratelimit-global'] === 'true';
  const scope = global
    ? 'every request from this server (global limit)'
    : response.headers['x-ratelimit-scope'] === 'shared'
      ? "the webhook's channel"
      : 'this webhook';
  return retryLater(`Discord throttled ${scope}; retry after ${retryAfterMs / SECOND} s`, { retryAfterMs });
}
