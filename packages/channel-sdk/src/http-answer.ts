import { delivered, failed, retryLater, type DeliveryOutcome } from './delivery-outcome.js';
import type { HttpResponse } from './http-transport.js';
import { excerpt } from './redaction.js';

const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** `Retry-After` as milliseconds: delta-seconds (fractions allowed) or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Math.ceil(Number(trimmed) * 1000), MAX_RETRY_AFTER_MS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(date - now, 0), MAX_RETRY_AFTER_MS);
}

/** Is this status worth another attempt: 408, 425, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * The plain HTTP reading of an answer, for endpoints with no body protocol: 2xx delivered; 408,
 * 429 and 5xx retried (honouring Retry-After); anything else refused for good.
 */
export function classifyHttpAnswer(response: HttpResponse, platform = 'The endpoint'): DeliveryOutcome {
  if (response.status >= 200 && response.status < 300) return delivered();
  const answer = `${platform} answered HTTP ${response.status}${response.body ? `: ${excerpt(response.body, 200)}` : ''}`;
  if (isRetryableStatus(response.status)) {
    return retryLater(answer, { retryAfterMs: parseRetryAfter(response.headers['retry-after']) });
  }
  if (response.status >= 300 && response.status < 400) {
    return failed(`${answer} (a redirect to ${response.headers.location ?? 'nowhere'}; redirects are not followed)`);
  }
  return failed(answer, { destinationGone: response.status === 410 });
}

/** Parses a JSON answer body, or undefined when it is not JSON. */
export function parseJsonBody<T = Record<string, unknown>>(response: HttpResponse): T | undefined {
  try {
    const value: unknown = JSON.parse(response.body);
    return typeof value === 'object' && value !== null ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}
