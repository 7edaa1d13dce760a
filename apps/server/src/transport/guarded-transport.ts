import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import {
  DEFAULT_TIMEOUT_MS,
  MAX_RESPONSE_BYTES,
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from '@herald/channel-sdk';
import { Agent, errors, request as undiciRequest } from 'undici';
import type { AddressPolicy } from './address-policy.js';

/**
 * The transport the core hands to channels: keep-alive connection pools (undici), time-outs, a
 * bounded answer, no redirects, and the address policy applied to the address actually connected
 * to — at DNS resolution time — so a hostname that resolves (or re-resolves) to a private address
 * is refused. TLS certificates are verified.
 */
export class GuardedTransport implements HttpTransport {
  private readonly agent: Agent;

  constructor(
    private readonly policy: AddressPolicy,
    private readonly options: { maxResponseBytes?: number; connectionsPerOrigin?: number } = {},
  ) {
    this.agent = new Agent({
      connections: options.connectionsPerOrigin ?? 128,
      keepAliveTimeout: 30_000,
      connect: { lookup: this.guardedLookup, rejectUnauthorized: true },
    });
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const url = parseUrl(request.url);
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal)) {
      const refusal = this.policy.refusal(literal);
      if (refusal) throw new TransportError(`refused: ${refusal}`, false, 'ADDRESS_REFUSED');
    }
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = abortAfter(timeoutMs);
    try {
      const response = await undiciRequest(url, {
        dispatcher: this.agent,
        method: request.method,
        headers: request.headers,
        body: request.body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: deadline.signal,
      });
      const body = await readBounded(response.body, this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES);
      return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
    } catch (error) {
      throw toTransportError(error, timeoutMs);
    } finally {
      deadline.clear();
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private readonly guardedLookup = (
    hostname: string,
    options: object,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.map((entry) => this.policy.refusal(entry.address, hostname)).find(Boolean);
      if (refused) {
        const refusal = Object.assign(new Error(`refused: ${hostname} resolves to ${refused}`), { code: 'ADDRESS_REFUSED' });
        return callback(refusal, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * A signal that aborts as AbortSignal.timeout's does (a TimeoutError), with a timer cleared once
 * the request is over. AbortSignal.timeout's timer, its signal and their finalization record live
 * until the time-out passes even when the answer came at once: at thousands of attempts a second
 * that is seconds' worth of them kept alive, long enough to be promoted to the old generation.
 */
function abortAfter(timeoutMs: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

function parseUrl(raw: string): URL {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // fall through
  }
  throw new TransportError('refused: not an http(s) URL', false, 'BAD_URL');
}

async function readBounded(body: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value]),
  );
}

function toTransportError(error: unknown, timeoutMs: number): TransportError {
  if (TransportError.is(error)) return error;
  const found = findCode(error);
  if (found === 'ADDRESS_REFUSED') {
    const message = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    return new TransportError(message.startsWith('refused') ? message : `refused: ${message}`, false, found);
  }
  if (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    (error as Error)?.name === 'TimeoutError'
  ) {
    return new TransportError(`no answer within ${timeoutMs} ms`, true, 'TIMEOUT');
  }
  if (found && /CERT|SSL|TLS/i.test(found)) return new TransportError(`TLS certificate not accepted: ${found}`, true, found);
  return new TransportError(`connection failed: ${found ?? (error as Error)?.message ?? String(error)}`, true, found);
}

function findCode(error: unknown): string | undefined {
  let current = error as { code?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current.code && current.code !== 'UND_ERR_SOCKET') return current.code;
    current = current.cause as typeof current;
  }
  return (error as { code?: string })?.code;
}
