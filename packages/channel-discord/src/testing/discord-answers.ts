import type { FakeAnswer } from '@herald/channel-sdk/fakes';

/**
 * Discord's real answers, as documented (discord-api-docs: webhook, rate-limits, opcodes and
 * status codes) and observed. Hand them to `FakeDiscord.answerNext` to script a failure.
 */
export type ErrorTree = { _errors?: Array<{ code: string; message: string }>; [field: string]: unknown };

function discordError(status: number, code: number, message: string, errors?: ErrorTree): FakeAnswer {
  return { status, body: { message, code, ...(errors ? { errors } : {}) } };
}

export const discordAnswers = {
  /** 404 10015: the webhook was deleted. */
  unknownWebhook: (): FakeAnswer => discordError(404, 10015, 'Unknown Webhook'),
  /** 401 50027: the token in the URL is wrong or was reset. */
  invalidWebhookToken: (): FakeAnswer => discordError(401, 50027, 'Invalid Webhook Token'),
  /** 400 50035: the body breaks a rule; `errors` names each field (see `discordBodyErrors`). */
  invalidFormBody: (errors: ErrorTree): FakeAnswer => discordError(400, 50035, 'Invalid Form Body', errors),
  /** 400 50006: no content, embeds, components, files or poll. */
  emptyMessage: (): FakeAnswer => discordError(400, 50006, 'Cannot send an empty message'),
  /** 400 50109: the body is not JSON. */
  invalidJson: (): FakeAnswer => discordError(400, 50109, 'The request body contains invalid JSON.'),
  /** 403 50013: the webhook may not post here (for example a thread it cannot see). */
  missingPermissions: (): FakeAnswer => discordError(403, 50013, 'Missing Permissions'),
  /** 404 0: a path that is no route of the API. */
  notFound: (): FakeAnswer => discordError(404, 0, '404: Not Found'),
  /** 405 0: a method the webhook route does not take. */
  methodNotAllowed: (): FakeAnswer => discordError(405, 0, '405: Method Not Allowed'),
  /** 413 40005: the request is too large. */
  entityTooLarge: (): FakeAnswer => discordError(413, 40005, 'Request entity too large'),
  /** 502: Discord's gateway is unavailable; wait and retry. */
  gatewayUnavailable: (): FakeAnswer => ({ status: 502, body: { message: '502: Bad Gateway', code: 0 } }),
  /**
   * 429 with Discord's body and headers. `Retry-After` is whole seconds, `retry_after` the exact
   * float; `global` throttles every request from the IP, `scope` is `user`, `global` or `shared`.
   */
  rateLimited: (
    retryAfterSeconds: number,
    options: { global?: boolean; scope?: 'user' | 'global' | 'shared'; limit?: number } = {},
  ): FakeAnswer => {
    const global = options.global ?? false;
    const headers: Record<string, string> = {
      'retry-after': String(Math.ceil(retryAfterSeconds)),
      'x-ratelimit-limit': String(options.limit ?? 5),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': (Date.now() / 1000 + retryAfterSeconds).toFixed(3),
      'x-ratelimit-reset-after': retryAfterSeconds.toFixed(3),
      'x-ratelimit-bucket': 'f1a2e3b4c5d6e7f8a9b0c1d2e3f4a5b6',
      'x-ratelimit-scope': options.scope ?? (global ? 'global' : 'user'),
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    };
    return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global } };
  },
};
