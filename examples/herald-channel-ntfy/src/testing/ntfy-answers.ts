import type { FakeAnswer } from '@herald/channel-sdk/fakes';

/** ntfy's error answer, as its errHTTP type writes it: `{"code","http","error","link"}`, no other headers. */
function ntfyError(http: number, code: number, error: string, link?: string): FakeAnswer {
  return { status: http, body: { code, http, error, ...(link ? { link } : {}) } };
}

const DOCS = 'https://ntfy.sh/docs';

/** ntfy's own answers (server/errors.go). Hand them to `FakeNtfy.answerNext` to script a failure. */
export const ntfyAnswers = {
  /** 400 40007: a Priority that is not 1-5 or min, low, default, high, urgent, max. */
  priorityInvalid: (): FakeAnswer => ntfyError(400, 40007, 'invalid priority parameter', `${DOCS}/publish/#message-priority`),
  /** 400 40010: a topic name the server keeps for itself. */
  topicDisallowed: (): FakeAnswer => ntfyError(400, 40010, 'invalid request: topic name is disallowed'),
  /** 401 40101: the access token is unknown or expired. */
  unauthorized: (): FakeAnswer => ntfyError(401, 40101, 'unauthorized', `${DOCS}/publish/#authentication`),
  /** 403 40301: no token (or a user without write access) on a protected topic. */
  forbidden: (): FakeAnswer => ntfyError(403, 40301, 'forbidden', `${DOCS}/publish/#authentication`),
  /** 404 40401: a path that is no route of the server. */
  notFound: (): FakeAnswer => ntfyError(404, 40401, 'page not found'),
  /** 413 41301: a body over the message limit, on a server without attachments. */
  tooLarge: (): FakeAnswer => ntfyError(413, 41301, 'attachment too large, or bandwidth limit reached', `${DOCS}/publish/#limitations`),
  /** 429 42901: the visitor's request bucket is empty. ntfy sends no Retry-After. */
  tooManyRequests: (): FakeAnswer => ntfyError(429, 42901, 'limit reached: too many requests', `${DOCS}/publish/#limitations`),
  /** 429 42908: the visitor's daily message quota is spent. */
  tooManyMessages: (): FakeAnswer => ntfyError(429, 42908, 'limit reached: too many messages', `${DOCS}/publish/#limitations`),
  /** 500 50001. */
  internalError: (): FakeAnswer => ntfyError(500, 50001, 'internal server error'),
  /** What GET on a topic URL gives: the web app, HTTP 200, HTML. */
  webApp: (): FakeAnswer => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!DOCTYPE html><html><head><title>ntfy</title></head><body><div id="root"></div></body></html>',
  }),
};
