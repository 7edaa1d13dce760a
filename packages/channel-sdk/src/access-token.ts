import { createHash } from 'node:crypto';
import type { SendContext } from './channel-provider.js';
import { failed, type DeliveryOutcome } from './delivery-outcome.js';
import { parseJsonBody } from './http-answer.js';
import type { HttpRequest, HttpResponse } from './http-transport.js';
import { scrubSecrets } from './redaction.js';
import { sendHttp } from './send-http.js';
import type { SharedCache } from './shared-cache.js';

/** What a platform's token endpoint gave: a token and its lifetime, or the outcome of a call that gave none. */
export type AccessTokenGrant = { token: string; expiresInSeconds: number } | { outcome: DeliveryOutcome };

export interface AccessTokenSource {
  /** The shared-cache key of this application's token. Never put a secret in it: see `secretFingerprint`. */
  cacheKey: string;
  /** Calls the platform's token endpoint. */
  fetch(): Promise<AccessTokenGrant>;
  /** Stop using a token this long before the platform says it expires; 5 minutes by default. */
  marginMs?: number;
}

/** One call with a token: its outcome, and whether the platform refused the token itself (expired, invalid). */
export interface TokenAttempt {
  outcome: DeliveryOutcome;
  tokenRejected: boolean;
}

const DEFAULT_MARGIN_MS = 5 * 60_000;
/** The lifetime assumed when a token endpoint names none: two hours, what the platforms grant. */
const DEFAULT_EXPIRES_IN_SECONDS = 7200;

/** A platform's token endpoint: the call, how to read its answer, and the fields of the token and its lifetime. */
export interface TokenEndpoint {
  request: HttpRequest;
  /** The platform's reading of the answer; `delivered` when it granted a token. */
  read(response: HttpResponse): DeliveryOutcome;
  /** The answer's field holding the token, e.g. `access_token`. */
  tokenField: string;
  /** The answer's field holding the token's lifetime in seconds (7200 when absent), e.g. `expires_in`. */
  expiresInField: string;
  /** The failure reason when the answer reads as success yet holds no token. */
  missingToken: string;
}

/** One call to a token endpoint, for `AccessTokenSource.fetch`: the token and its lifetime, or the call's outcome. */
export async function requestAccessToken(
  context: Pick<SendContext<unknown>, 'transport' | 'timeoutMs' | 'now'>,
  endpoint: TokenEndpoint,
): Promise<AccessTokenGrant> {
  const granted: { token?: string; expiresIn?: number } = {};
  const outcome = await sendHttp(context, endpoint.request, (response) => {
    const reading = endpoint.read(response);
    const answer = parseJsonBody(response);
    if (reading.status !== 'delivered') return reading;
    const token = answer?.[endpoint.tokenField];
    if (typeof token !== 'string' || token === '') return failed(endpoint.missingToken);
    const expiresIn = answer?.[endpoint.expiresInField];
    granted.token = token;
    granted.expiresIn = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_SECONDS;
    return reading;
  });
  return granted.token ? { token: granted.token, expiresInSeconds: granted.expiresIn! } : { outcome };
}

/** A short, one-way fingerprint of a secret, for cache keys that must change when the secret does. */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/** How long to keep a token that lives `expiresInSeconds`: that minus the margin, or half of it when it is short. */
export function tokenCacheTtlMs(expiresInSeconds: number, marginMs = DEFAULT_MARGIN_MS): number {
  const lifetimeMs = expiresInSeconds * 1000;
  return lifetimeMs > 2 * marginMs ? lifetimeMs - marginMs : Math.floor(lifetimeMs / 2);
}

/**
 * The application's token from the shared cache (Redis in the server, so every replica shares
 * it), or from the platform, then cached. `fresh` drops the cached one first. Workers that miss
 * at once each fetch; the platforms hand out the same token while it is valid, so that is harmless.
 */
export async function cachedAccessToken(
  cache: SharedCache,
  source: AccessTokenSource,
  fresh = false,
): Promise<{ token: string } | { outcome: DeliveryOutcome }> {
  if (fresh) await cache.delete(source.cacheKey);
  const cached = fresh ? undefined : await cache.get(source.cacheKey);
  if (cached) return { token: cached };
  const grant = await source.fetch();
  if ('outcome' in grant) return grant;
  await cache.set(source.cacheKey, grant.token, tokenCacheTtlMs(grant.expiresInSeconds, source.marginMs));
  return { token: grant.token };
}

/**
 * Runs `attempt` with the cached token; when the platform refuses the token (it may expire a token
 * early), fetches a fresh one and runs `attempt` once more at once. The token never leaves in the
 * outcome: it is a credential the config does not hold, so the SDK's own masking cannot know it.
 */
export async function sendWithAccessToken(
  context: Pick<SendContext<unknown>, 'cache'>,
  source: AccessTokenSource,
  attempt: (token: string) => Promise<TokenAttempt>,
): Promise<DeliveryOutcome> {
  const cached = await cachedAccessToken(context.cache, source);
  if ('outcome' in cached) return cached.outcome;
  const first = await attempt(cached.token);
  if (!first.tokenRejected) return withoutToken(first.outcome, cached.token);
  const fresh = await cachedAccessToken(context.cache, source, true);
  if ('outcome' in fresh) return fresh.outcome;
  return withoutToken((await attempt(fresh.token)).outcome, fresh.token);
}

function withoutToken(outcome: DeliveryOutcome, token: string): DeliveryOutcome {
  const clean = (text: string) => scrubSecrets(text, [token]);
  return {
    ...outcome,
    ...('reason' in outcome ? { reason: clean(outcome.reason) } : {}),
    ...('note' in outcome && outcome.note ? { note: clean(outcome.note) } : {}),
    ...(outcome.request ? { request: { ...outcome.request, url: clean(outcome.request.url) } } : {}),
    ...(outcome.response ? { response: { ...outcome.response, body: clean(outcome.response.body) } } : {}),
  };
}
