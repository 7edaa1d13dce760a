import { classifyHttpAnswer, type DeliveryOutcome, type HttpResponse } from '@herald/channel-sdk';

/**
 * How an endpoint's answer is classified, with Standard Webhooks semantics (PROTOCOL.md: Standard
 * Webhooks; Answers and retries): 2xx delivered; 408, 425, 429 and 5xx retried, honouring
 * Retry-After; 3xx refused (redirects are not followed); 410 the destination gone; other 4xx
 * refused for good.
 */
export function interpretWebhookAnswer(response: HttpResponse): DeliveryOutcome {
  return classifyHttpAnswer(response, 'The endpoint');
}
