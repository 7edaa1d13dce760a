import { describe, expect, it } from '@jest/globals';
import { dingtalkSign, signedWebhookUrl } from './dingtalk.sign.js';

const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=ACCESS_TOKEN';

describe('dingtalkSign (PROTOCOL.md, Known-answer vectors)', () => {
  it.each([
    ['this is secret', 1599360473000, 'hXZTWifRGHclNuZSKxoXc//sh51SWfVfRIhcdeKs63I=', 'hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D'],
    ['this is secret', 1700000000000, 'sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0=', 'sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0%3D'],
    [
      `SEC${'0'.repeat(64)}`,
      1599360473000,
      '/i3YjbI05eyUCe+iloWxsVscj2sEaNjb4zKWzzcD86Q=',
      '%2Fi3YjbI05eyUCe%2BiloWxsVscj2sEaNjb4zKWzzcD86Q%3D',
    ],
  ])('signs with secret %j at %d', (secret, timestamp, base64, signParameter) => {
    expect(dingtalkSign(secret, timestamp)).toBe(base64);
    expect(signedWebhookUrl(WEBHOOK, secret, timestamp)).toBe(`${WEBHOOK}&timestamp=${timestamp}&sign=${signParameter}`);
  });

  it('gives the full URL of vector 4, encoded once and never double-encoded', () => {
    const url = signedWebhookUrl(WEBHOOK, 'this is secret', 1599360473000);
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=ACCESS_TOKEN&timestamp=1599360473000&sign=hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D',
    );
    expect(url).not.toContain('hXZTWifRGHclNuZSKxoXc%252F%252Fsh51SWfVfRIhcdeKs63I%253D');
    expect(url).not.toContain('%25');
  });

  it('keeps the rest of the webhook URL as it was', () => {
    const url = new URL(
      signedWebhookUrl('http://127.0.0.1:8080/proxy/robot/send?access_token=abc&team=ops', 'this is secret', 1700000000000),
    );
    expect(url.pathname).toBe('/proxy/robot/send');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      access_token: 'abc',
      team: 'ops',
      timestamp: '1700000000000',
      sign: 'sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0=',
    });
  });
});
