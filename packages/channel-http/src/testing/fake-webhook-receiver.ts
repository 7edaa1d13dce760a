import { createHmac, timingSafeEqual } from 'node:crypto';
import { FakeServer, type FakeAnswer, type ReceivedRequest } from '@herald/channel-sdk/fakes';

/**
 * A webhook receiver that verifies what a careful receiver verifies: `X-Herald-Signature` (HMAC-SHA1
 * of the raw body) when a token is set, and the Standard Webhooks signature, computed here from the
 * spec rather than with the sending library. Answers 401 when a check fails.
 */
export class FakeWebhookReceiver extends FakeServer {
  constructor(readonly options: { token?: string; webhookSecret?: string; toleranceSeconds?: number } = {}) {
    super();
    this.handler = (request) => this.verify(request) ?? { status: 200, body: { received: true } };
  }

  /** Answers with `answers` in turn (the last one repeats), still verifying signatures. */
  answerInTurn(answers: FakeAnswer[]): void {
    let index = 0;
    this.handler = (request) => this.verify(request) ?? answers[Math.min(index++, answers.length - 1)]!;
  }

  /** The reason a request would be refused, as an answer; undefined when it passes. */
  verify(request: ReceivedRequest): FakeAnswer | undefined {
    const signedPayload = request.method === 'GET' ? (request.url.split('?')[1] ?? '') : request.body;
    if (this.options.token) {
      const expected = `sha1=${createHmac('sha1', this.options.token).update(signedPayload).digest('hex')}`;
      if (!safeEqual(String(request.headers['x-herald-signature'] ?? ''), expected)) return { status: 401, body: 'bad X-Herald-Signature' };
    }
    if (this.options.webhookSecret) {
      const problem = standardWebhookProblem(request, signedPayload, this.options.webhookSecret, this.options.toleranceSeconds ?? 300);
      if (problem) return { status: 401, body: problem };
    }
    return undefined;
  }
}

/** Verifies a Standard Webhooks signature by the spec: HMAC-SHA256 over `id.timestamp.payload` (the body; for GET the query). */
export function standardWebhookProblem(
  request: ReceivedRequest,
  signedPayload: string,
  secret: string,
  toleranceSeconds: number,
): string | undefined {
  const id = String(request.headers['webhook-id'] ?? '');
  const timestamp = String(request.headers['webhook-timestamp'] ?? '');
  const signatures = String(request.headers['webhook-signature'] ?? '').split(' ');
  if (!id || !/^\d+$/.test(timestamp)) return 'missing webhook-id or webhook-timestamp';
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return 'webhook-timestamp outside tolerance';
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${signedPayload}`).digest('base64')}`;
  return signatures.some((signature) => safeEqual(signature, expected)) ? undefined : 'no webhook-signature matches';
}

function safeEqual(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
