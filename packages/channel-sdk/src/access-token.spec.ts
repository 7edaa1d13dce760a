import { describe, expect, it } from '@jest/globals';
import { cachedAccessToken, secretFingerprint, sendWithAccessToken, tokenCacheTtlMs, type AccessTokenSource } from './access-token.js';
import { delivered, failed, retryLater } from './delivery-outcome.js';
import { memoryCache } from './shared-cache.js';

function source(tokens: string[], expiresInSeconds = 7200): AccessTokenSource & { calls: number } {
  const state = {
    calls: 0,
    cacheKey: `test:token:${secretFingerprint('app-secret')}`,
    async fetch() {
      const token = tokens[state.calls];
      state.calls += 1;
      return token ? { token, expiresInSeconds } : { outcome: failed('the token endpoint refused the secret') };
    },
  };
  return state;
}

describe('tokenCacheTtlMs', () => {
  it.each([
    [7200, undefined, 6_900_000],
    [7200, 30 * 60_000, 5_400_000],
    [600, undefined, 300_000],
    [60, undefined, 30_000],
  ])('expires_in %i s with margin %s is kept %i ms', (expiresIn, margin, ttl) => {
    expect(tokenCacheTtlMs(expiresIn, margin)).toBe(ttl);
  });
});

describe('cachedAccessToken', () => {
  it('fetches once and serves the cached token until its kept lifetime ends', async () => {
    let clock = 0;
    const cache = memoryCache(() => clock);
    const tokens = source(['t-1', 't-2']);
    expect(await cachedAccessToken(cache, tokens)).toEqual({ token: 't-1' });
    clock = tokenCacheTtlMs(7200) - 1;
    expect(await cachedAccessToken(cache, tokens)).toEqual({ token: 't-1' });
    clock = tokenCacheTtlMs(7200);
    expect(await cachedAccessToken(cache, tokens)).toEqual({ token: 't-2' });
    expect(tokens.calls).toBe(2);
  });

  it('keeps the secret out of the cache key', () => {
    expect(source([]).cacheKey).not.toContain('app-secret');
    expect(secretFingerprint('app-secret')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('sendWithAccessToken', () => {
  it('refreshes once when the token is refused, then gives the second outcome without the token in it', async () => {
    const cache = memoryCache();
    const tokens = source(['t-old-token', 't-new-token']);
    const used: string[] = [];
    const outcome = await sendWithAccessToken({ cache }, tokens, async (token) => {
      used.push(token);
      if (token === 't-old-token') return { outcome: retryLater('token expired'), tokenRejected: true };
      return { outcome: failed(`refused with Bearer ${token}`), tokenRejected: false };
    });
    expect(used).toEqual(['t-old-token', 't-new-token']);
    expect(outcome).toEqual({ status: 'failed', reason: 'refused with Bearer ***' });
    expect(await cache.get(tokens.cacheKey)).toBe('t-new-token');
  });

  it('does not refresh a second time when the fresh token is refused too', async () => {
    const tokens = source(['t-1', 't-2', 't-3']);
    let attempts = 0;
    const outcome = await sendWithAccessToken({ cache: memoryCache() }, tokens, async () => {
      attempts += 1;
      return { outcome: retryLater('token invalid'), tokenRejected: true };
    });
    expect([attempts, tokens.calls, outcome.status]).toEqual([2, 2, 'retry']);
  });

  it("gives the token endpoint's outcome when it grants no token", async () => {
    let attempts = 0;
    const outcome = await sendWithAccessToken({ cache: memoryCache() }, source([]), async () => {
      attempts += 1;
      return { outcome: delivered(), tokenRejected: false };
    });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'the token endpoint refused the secret' });
    expect(attempts).toBe(0);
  });
});
