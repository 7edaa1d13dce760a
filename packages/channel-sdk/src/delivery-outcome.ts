/**
 * What a channel says about one attempt. The channel classifies; the core alone decides when a
 * retry runs. Plain objects with a `status` discriminant, so outcomes from another copy of the SDK
 * are recognised by value.
 */
export interface RequestSummary {
  method: string;
  /** The URL with credentials, query values and token-like path segments masked. */
  url: string;
  /** Header values other than a few harmless ones are masked. */
  headers: Record<string, string>;
  bodyBytes: number;
}

export interface ResponseSummary {
  status: number;
  /** The start of the answer body, bounded. */
  body: string;
  durationMs?: number;
}

interface OutcomeDetails {
  request?: RequestSummary;
  response?: ResponseSummary;
}

export interface Delivered extends OutcomeDetails {
  status: 'delivered';
  /** A remark about a delivery that arrived but with caveats (for example partly invalid recipients). */
  note?: string;
}

export interface RetryLater extends OutcomeDetails {
  status: 'retry';
  reason: string;
  /** When the platform said how long to wait (Retry-After, a throttle window), in milliseconds. */
  retryAfterMs?: number;
}

export interface Failed extends OutcomeDetails {
  status: 'failed';
  reason: string;
  /** The destination no longer exists (deleted bot, unknown webhook): stop sending to it. */
  destinationGone?: boolean;
}

export type DeliveryOutcome = Delivered | RetryLater | Failed;

export function delivered(details: OutcomeDetails & { note?: string } = {}): Delivered {
  return { status: 'delivered', ...details };
}

export function retryLater(reason: string, details: OutcomeDetails & { retryAfterMs?: number } = {}): RetryLater {
  return { status: 'retry', reason, ...details };
}

export function failed(reason: string, details: OutcomeDetails & { destinationGone?: boolean } = {}): Failed {
  return { status: 'failed', reason, ...details };
}

export function isDeliveryOutcome(value: unknown): value is DeliveryOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const { status } = value as { status?: unknown };
  return status === 'delivered' || status === 'retry' || status === 'failed';
}

const deliveryFailureMarker = Symbol.for('herald.DeliveryFailure');

/**
 * Thrown from deep inside a channel (a token fetch, a renderer) to end the attempt with a
 * classified failure. Recognised across SDK copies by its `Symbol.for` marker.
 */
export class DeliveryFailure extends Error {
  readonly [deliveryFailureMarker] = true;

  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }

  static is(value: unknown): value is DeliveryFailure {
    return typeof value === 'object' && value !== null && deliveryFailureMarker in value;
  }
}
