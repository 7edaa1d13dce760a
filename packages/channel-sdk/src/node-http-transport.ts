import type { IncomingMessage } from 'node:http';
import { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, TransportError, type HttpResponse, type HttpTransport } from './http-transport.js';

/**
 * A transport over node:http and node:https, the one `sendOnce` uses unless handed another. It
 * answers, bounds and fails as `fetchTransport` does, but loads no undici: `fetch` compiles
 * undici's WebAssembly HTTP parser, and a short script then waits at exit until V8 has finished
 * optimizing it in the background (a third of a one-message script's time).
 */
export function nodeHttpTransport(options: { timeoutMs?: number; maxResponseBytes?: number } = {}): HttpTransport {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  return {
    async request(request) {
      const timeoutMs = request.timeoutMs ?? defaultTimeout;
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        throw new TransportError(`connection failed: invalid URL`, false, 'ERR_INVALID_URL');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new TransportError(`connection failed: ${url.protocol.slice(0, -1)} is not http or https`, false, 'ERR_INVALID_PROTOCOL');
      }
      const { request: send } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await new Promise<HttpResponse>((resolve, reject) => {
          const outgoing = send(url, { method: request.method, headers: request.headers, signal }, (response) => {
            readBounded(response, maxBytes).then(
              (body) => resolve({ status: response.statusCode ?? 0, headers: joinedHeaders(response), body }),
              reject,
            );
          });
          outgoing.once('error', reject);
          outgoing.end(request.body);
        });
      } catch (error) {
        throw toTransportError(error, timeoutMs, signal);
      }
    },
  };
}

function joinedHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function readBounded(response: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => resolve(Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= maxBytes) {
        response.removeAllListeners('data');
        response.destroy();
        finish();
      }
    });
    response.once('end', finish);
    response.once('error', reject);
  });
}

function toTransportError(error: unknown, timeoutMs: number, signal: AbortSignal): TransportError {
  if (TransportError.is(error)) return error;
  if (signal.aborted) return new TransportError(`no answer within ${timeoutMs} ms`, true, 'TIMEOUT');
  const { code, message } = error as { code?: string; message?: string };
  return new TransportError(`connection failed: ${code ?? message ?? String(error)}`, true, code);
}
