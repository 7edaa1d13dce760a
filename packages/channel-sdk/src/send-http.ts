import type { SendContext } from './channel-provider.js';
import { retryLater, failed, type DeliveryOutcome, type RequestSummary } from './delivery-outcome.js';
import { TransportError, type HttpRequest, type HttpResponse } from './http-transport.js';
import { redactHeaders, redactUrl } from './redaction.js';

export const RESPONSE_EXCERPT_CHARS = 1024;

export function summarizeRequest(request: HttpRequest): RequestSummary {
  return {
    method: request.method,
    url: redactUrl(request.url),
    headers: redactHeaders(request.headers),
    bodyBytes: request.body === undefined ? 0 : Buffer.byteLength(request.body),
  };
}

/**
 * Performs one request through the context's transport and lets `interpret` read the answer.
 * Network failures become retries; the outcome carries the redacted request and the answer's
 * status and body (bounded by the transport; `runAction` masks secrets in it, then cuts it to an
 * excerpt), so the attempt log shows what the platform said.
 */
export async function sendHttp(
  context: Pick<SendContext<unknown>, 'transport' | 'timeoutMs' | 'now'>,
  request: HttpRequest,
  interpret: (response: HttpResponse) => DeliveryOutcome,
): Promise<DeliveryOutcome> {
  const summary = summarizeRequest(request);
  const started = context.now();
  let response: HttpResponse;
  try {
    response = await context.transport.request({ timeoutMs: context.timeoutMs, ...request });
  } catch (error) {
    if (!TransportError.is(error)) throw error;
    return error.retryable ? retryLater(error.message, { request: summary }) : failed(error.message, { request: summary });
  }
  const outcome = interpret(response);
  return {
    ...outcome,
    request: summary,
    response: { status: response.status, body: response.body, durationMs: context.now() - started },
  };
}
