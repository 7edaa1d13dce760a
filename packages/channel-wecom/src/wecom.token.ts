import { createHash } from 'node:crypto';
import { failed, parseJsonBody, sendHttp, type DeliveryOutcome, type SendContext } from '@herald/channel-sdk';
import { classifyWeComAnswer, type WeComAnswer } from './wecom.answer.js';
import { DEFAULT_API_BASE_URL, type WeComAppConfig } from './wecom.config.js';

/** Stop using a token this long before WeCom says it expires. */
export const TOKEN_MARGIN_MS = 5 * 60_000;
const DEFAULT_EXPIRES_IN_SECONDS = 7200;

/** A token, or the outcome of a gettoken call that did not give one. */
export type TokenResult = { token: string } | { outcome: DeliveryOutcome };

/** The shared-cache key of an application's token: corp, agent and a hash of the secret, never the secret. */
export function tokenCacheKey(config: Pick<WeComAppConfig, 'corp_id' | 'agent_id' | 'secret'>): string {
  const secretHash = createHash('sha256').update(config.secret).digest('hex').slice(0, 16);
  return `wecom:access-token:${config.corp_id}:${config.agent_id}:${secretHash}`;
}

/** How long to keep a token WeCom says lives `expiresInSeconds`: that minus the margin, or half when it is short. */
export function tokenCacheTtlMs(expiresInSeconds: number): number {
  const lifetimeMs = expiresInSeconds * 1000;
  return lifetimeMs > 2 * TOKEN_MARGIN_MS ? lifetimeMs - TOKEN_MARGIN_MS : Math.floor(lifetimeMs / 2);
}

export function apiUrl(config: WeComAppConfig, path: string, query: Record<string, string>): string {
  const base = (config.api_base_url ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  return `${base}${path}?${new URLSearchParams(query).toString()}`;
}

/**
 * The application's access token from the shared cache, or from gettoken (then cached for every
 * worker). `fresh` skips and drops the cached one. Workers that miss at once each fetch: WeCom hands
 * out the same token while it is valid, so that is harmless.
 */
export async function accessToken(context: SendContext<WeComAppConfig>, fresh = false): Promise<TokenResult> {
  const key = tokenCacheKey(context.config);
  if (fresh) await context.cache.delete(key);
  const cached = fresh ? undefined : await context.cache.get(key);
  if (cached) return { token: cached };
  const received: { token?: string; expiresIn?: number } = {};
  const { corp_id: corpid, secret: corpsecret } = context.config;
  const outcome = await sendHttp(
    context,
    { method: 'GET', url: apiUrl(context.config, '/cgi-bin/gettoken', { corpid, corpsecret }) },
    (response) => {
      const classified = classifyWeComAnswer(response, 'the access token request');
      const body = parseJsonBody<WeComAnswer>(response);
      if (classified.status !== 'delivered') return classified;
      if (typeof body?.access_token !== 'string' || body.access_token === '')
        return failed('WeCom answered gettoken with errcode 0 but no access_token');
      received.token = body.access_token;
      received.expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_EXPIRES_IN_SECONDS;
      return classified;
    },
  );
  if (!received.token) return { outcome };
  await context.cache.set(key, received.token, tokenCacheTtlMs(received.expiresIn!));
  return { token: received.token };
}
