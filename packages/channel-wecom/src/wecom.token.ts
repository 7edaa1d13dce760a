import {
  requestAccessToken,
  secretFingerprint,
  tokenCacheTtlMs as sharedTokenCacheTtlMs,
  type AccessTokenSource,
  type SendContext,
} from '@herald/channel-sdk';
import { classifyWeComAnswer } from './wecom.answer.js';
import { DEFAULT_API_BASE_URL, type WeComAppConfig } from './wecom.config.js';

/** Stop using a token this long before WeCom says it expires. */
export const TOKEN_MARGIN_MS = 5 * 60_000;

/** The shared-cache key of an application's token: corp, agent and a hash of the secret, never the secret. */
export function tokenCacheKey(config: Pick<WeComAppConfig, 'corp_id' | 'agent_id' | 'secret'>): string {
  return `wecom:access-token:${config.corp_id}:${config.agent_id}:${secretFingerprint(config.secret)}`;
}

/** How long to keep a token WeCom says lives `expiresInSeconds`: that minus the margin, or half when it is short. */
export function tokenCacheTtlMs(expiresInSeconds: number): number {
  return sharedTokenCacheTtlMs(expiresInSeconds, TOKEN_MARGIN_MS);
}

export function apiUrl(config: WeComAppConfig, path: string, query: Record<string, string>): string {
  const base = (config.api_base_url ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  return `${base}${path}?${new URLSearchParams(query).toString()}`;
}

/**
 * The application's access token, for `sendWithAccessToken`: kept in the shared cache (every
 * worker uses the same one), fetched from gettoken when missing. WeCom hands out the same token
 * while it is valid, so workers that miss at once and each fetch do no harm.
 */
export function accessTokenSource(context: SendContext<WeComAppConfig>): AccessTokenSource {
  return {
    cacheKey: tokenCacheKey(context.config),
    marginMs: TOKEN_MARGIN_MS,
    fetch: () => {
      const { corp_id: corpid, secret: corpsecret } = context.config;
      return requestAccessToken(context, {
        request: { method: 'GET', url: apiUrl(context.config, '/cgi-bin/gettoken', { corpid, corpsecret }) },
        read: (response) => classifyWeComAnswer(response, 'the access token request'),
        tokenField: 'access_token',
        expiresInField: 'expires_in',
        missingToken: 'WeCom answered gettoken with errcode 0 but no access_token',
      });
    },
  };
}
