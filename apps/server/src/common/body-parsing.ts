import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { badRequest } from './bad-request.js';
import { NUL_REFUSAL, nulCharacterPath } from './nul-characters.js';

export const MAX_BODY = '1mb';
/** Deeper JSON than this is refused: nothing legitimate needs it, and recursion over it can exhaust the stack. */
export const MAX_JSON_DEPTH = 64;
export const MAX_BATCH_BODY = '16mb';

/**
 * JSON bodies: 1 MiB, 16 MiB for a batch of events. A body that is not JSON or too large gets
 * the API's error shape, not the framework's HTML page.
 */
export function useJsonBodies(app: INestApplication): void {
  // Alertmanager sends a whole group of alerts in one webhook. Ingest senders are other products,
  // whose content-type Herald cannot choose: their bodies are read as JSON whatever they say.
  app.use(INGEST_PATH, express.json({ limit: MAX_BATCH_BODY, type: () => true }));
  app.use(refuseOtherMediaTypes);
  app.use('/v1/events/batch', express.json({ limit: MAX_BATCH_BODY, type: JSON_TYPES }));
  app.use(express.json({ limit: MAX_BODY, type: JSON_TYPES }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (jsonDepth(request.body) <= MAX_JSON_DEPTH) return next();
    response
      .status(400)
      .json({ statusCode: 400, error: 'Bad Request', message: `the body is nested more than ${MAX_JSON_DEPTH} levels deep` });
  });
  // PostgreSQL's text and jsonb cannot hold U+0000: refused by its path for every route, before anything
  // is written. Another product's body, at ingest, is named as such (`body.alerts[0]…`).
  app.use((request: Request, response: Response, next: NextFunction) => {
    const field = nulCharacterPath(request.body, request.path.startsWith(INGEST_PATH) ? 'body' : '');
    if (field === undefined) return next();
    response.status(400).json(badRequest(field, NUL_REFUSAL).getResponse());
  });
  app.use((error: { type?: string; status?: number; message?: string }, _request: Request, response: Response, next: NextFunction) => {
    if (error.type === 'entity.too.large') {
      return void response
        .status(413)
        .json({ statusCode: 413, error: 'Payload Too Large', message: 'the body is over 1 MiB (a batch may take 16 MiB)' });
    }
    if (error.type === 'entity.parse.failed') {
      return void response
        .status(400)
        .json({ statusCode: 400, error: 'Bad Request', message: `the body is not valid JSON: ${error.message}` });
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      return void response.status(error.status).json({ statusCode: error.status, error: 'Bad Request', message: error.message });
    }
    next(error);
  });
}

const JSON_TYPES = ['application/json', 'application/*+json'];
const INGEST_PATH = '/v1/ingest';

/** A body in another format would be read as no body at all, and refused for the wrong reason: say JSON is expected. */
function refuseOtherMediaTypes(request: Request, response: Response, next: NextFunction): void {
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (!hasBody || request.is(JSON_TYPES) || request.path.startsWith(INGEST_PATH)) {
    next();
    return;
  }
  const sent = (request.headers['content-type'] ?? 'no content-type').slice(0, 100);
  response.status(415).json({
    statusCode: 415,
    error: 'Unsupported Media Type',
    message: `the body must be JSON, sent with content-type: application/json (this one was sent as ${sent})`,
  });
}

/** The nesting depth of a parsed JSON value, measured without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}
