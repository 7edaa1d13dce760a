import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { redactUrl } from './redaction.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Probes and scrapes come every few seconds: their successful answers are logged at debug level only. */
const ROUTINE_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/** An incoming request id is kept when it is short and plain; anything else gets a fresh one. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

type Request = IncomingMessage & { originalUrl?: string; route?: { path?: string } };

/**
 * One line per request, written when the answer is sent: method, path (tokens redacted), status,
 * time taken and the request id, which the answer echoes in `x-request-id`. Successful probes and
 * scrapes are debug lines.
 */
export function requestLogging(logger: Logger): HttpLogger<Request, ServerResponse> {
  return pinoHttp<Request, ServerResponse>({
    logger,
    genReqId: (request, response) => {
      const incoming = request.headers[REQUEST_ID_HEADER];
      const id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      response.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (request, response, error) => {
      if (error || response.statusCode >= 500) return 'error';
      return response.statusCode < 400 && ROUTINE_PATHS.test(request.url ?? '') ? 'debug' : 'info';
    },
    customSuccessMessage: (request, response) => `${request.method} ${pathOf(request)} ${response.statusCode}`,
    customErrorMessage: (request, response) => `${request.method} ${pathOf(request)} ${response.statusCode}`,
    customAttributeKeys: { responseTime: 'duration_ms' },
    serializers: {
      req: (request: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        path: redactUrl(request.url),
        remote_address: request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ status: response.statusCode }),
    },
  });
}

function pathOf(request: Request): string {
  return redactUrl(request.originalUrl ?? request.url ?? '');
}

/** Logs written while a request is handled carry its id (`req_id`), through nestjs-pino's request context. */
export function requestContext(root: Logger) {
  const logger = new PinoLogger({ pinoHttp: { logger: root } });
  return (request: IncomingMessage & { id?: unknown }, _response: ServerResponse, next: NextFunction) =>
    logger.runInContext(next, { bindings: { req_id: request.id } });
}
