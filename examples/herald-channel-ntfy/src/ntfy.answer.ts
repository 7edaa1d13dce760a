import {
  classifyHttpAnswer,
  delivered,
  excerpt,
  failed,
  parseJsonBody,
  parseRetryAfter,
  retryLater,
  type DeliveryOutcome,
  type HttpResponse,
} from '@herald/channel-sdk';

/** ntfy's error body: `{"code":40007,"http":400,"error":"invalid priority parameter","link":"…"}`. */
export interface NtfyErrorBody {
  code?: number;
  http?: number;
  error?: string;
  link?: string;
}

/** ntfy's answer to a publish: the message as stored. */
export interface NtfyPublished {
  id: string;
  time: number;
  event: 'message';
  topic: string;
  message?: string;
}

/** ntfy refills one request every 5 s; its 429 carries no Retry-After. */
export const REQUEST_REFILL_MS = 5_000;
/** 42908 is the daily message quota (ntfy.sh: 250 a day without an account); waiting seconds cannot help. */
export const DAILY_QUOTA_RETRY_MS = 60 * 60 * 1000;

/** "invalid priority parameter (40007)", or the start of a body that is not ntfy's. */
export function describeNtfyError(response: HttpResponse): string {
  const body = parseJsonBody<NtfyErrorBody>(response);
  if (body && typeof body.error === 'string') return body.code === undefined ? body.error : `${body.error} (${body.code})`;
  return `HTTP ${response.status}${response.body ? `: ${excerpt(response.body, 200)}` : ''}`;
}

/**
 * ntfy's answer → outcome. A 2xx counts only when the body is the published message: an HTML page
 * (the web app, a login portal, a proxy) also answers 200, and then nothing was published.
 */
export function interpretNtfyAnswer(response: HttpResponse): DeliveryOutcome {
  if (response.status >= 200 && response.status < 300) return confirmPublished(response);
  const said = describeNtfyError(response);
  switch (response.status) {
    case 429:
      return throttled(response, said);
    case 401:
      return failed(`ntfy refused the access token: ${said} — check access_token`);
    case 403:
      return failed(`ntfy refused to publish: ${said} — the topic is protected; set access_token to a token of a user who may write to it`);
    case 404:
      return failed(`ntfy answered ${said} — service_url is not a topic URL of an ntfy server`);
    case 413:
      return failed(`ntfy refused the message as too large: ${said}`);
    case 400:
      return failed(`ntfy refused the message: ${said}`);
  }
  return classifyHttpAnswer(response, 'ntfy');
}

function confirmPublished(response: HttpResponse): DeliveryOutcome {
  const body = parseJsonBody<Partial<NtfyPublished>>(response);
  if (body?.event === 'message' && typeof body.id === 'string') return delivered();
  return failed(
    `ntfy answered HTTP ${response.status} without a published message (${excerpt(response.body, 120) || 'empty body'}) — is service_url an ntfy topic URL?`,
  );
}

/** 429: Retry-After when a proxy sent one; else ntfy's refill time, or an hour for the daily quota. */
function throttled(response: HttpResponse, said: string): DeliveryOutcome {
  const quota = parseJsonBody<NtfyErrorBody>(response)?.code === 42908;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']) ?? (quota ? DAILY_QUOTA_RETRY_MS : REQUEST_REFILL_MS);
  return retryLater(`ntfy rate-limited the publish: ${said}; retry after ${retryAfterMs / 1000} s`, { retryAfterMs });
}
