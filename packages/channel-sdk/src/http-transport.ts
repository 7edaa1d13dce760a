/**
 * The HTTP client a channel receives. The core hands in a guarded, keep-alive transport; a script
 * gets `fetchTransport`. Channels never open connections of their own.
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** The exact bytes to send; sign this very string. */
  body?: string;
  /** Per-request time limit; the transport applies its default when absent. */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The answer body, cut at the transport's bound (64 KiB by default). */
  body: string;
}

export interface HttpTransport {
  /** Resolves with any HTTP answer, whatever its status; rejects with a TransportError. */
  request(request: HttpRequest): Promise<HttpResponse>;
}

const transportErrorMarker = Symbol.for('herald.TransportError');

/** The request never got an HTTP answer. `retryable` is false when sending again cannot help. */
export class TransportError extends Error {
  readonly [transportErrorMarker] = true;

  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }

  static is(value: unknown): value is TransportError {
    return typeof value === 'object' && value !== null && transportErrorMarker in value;
  }
}

export const DEFAULT_TIMEOUT_MS = 6_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** A transport over the platform's `fetch`, for scripts that send without the server. */
export function fetchTransport(options: { timeoutMs?: number; maxResponseBytes?: number } = {}): HttpTransport {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  return {
    async request(request) {
      const timeoutMs = request.timeoutMs ?? defaultTimeout;
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        return { status: response.status, headers, body: await readBounded(response, maxBytes) };
      } catch (error) {
        throw toTransportError(error, timeoutMs);
      }
    },
  };
}

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

function toTransportError(error: unknown, timeoutMs: number): TransportError {
  if (TransportError.is(error)) return error;
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TransportError(`no answer within ${timeoutMs} ms`, true, 'TIMEOUT');
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code;
  return new TransportError(`connection failed: ${code ?? cause?.message ?? String(error)}`, true, code);
}
