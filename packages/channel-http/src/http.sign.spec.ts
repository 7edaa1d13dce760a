import { describe, expect, it } from '@jest/globals';
import { heraldSignature, standardWebhookSignature } from './http.sign.js';

describe('heraldSignature (CODING style, PROTOCOL.md: Known-answer vectors)', () => {
  it.each([
    ["It's a Secret to Everybody", 'Hello, World!', 'sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59'],
    ['herald-token', '{"event":"build.failed","project":"demo","id":42}', 'sha1=7fc912ae328247bd982870ebd237f9e70d7f58c8'],
  ])('signs %j over %j', (token, body, expected) => {
    expect(heraldSignature(token, body)).toBe(expected);
  });
});

describe('standardWebhookSignature (PROTOCOL.md: Standard Webhooks)', () => {
  it('matches the official Standard Webhooks vector', () => {
    const signature = standardWebhookSignature(
      { webhook_secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('matches the Herald vector', () => {
    const signature = standardWebhookSignature(
      { webhook_secret: 'whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' },
      'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      new Date(1700000000 * 1000),
      '{"event":"build.failed","project":"demo","id":42}',
    );
    expect(signature).toBe('v1,hqHd4MeAMxxG25n/RThLc1NS+HL1d7gOL/aKqZ97X2s=');
  });

  it('signs with the previous secret too while its grace period lasts, and not after', () => {
    const config = {
      webhook_secret: 'whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
      previous_webhook_secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      previous_webhook_secret_expires_at: '2024-01-01T00:00:00Z',
    };
    const during = standardWebhookSignature(config, 'msg_1', new Date('2023-12-31T23:00:00Z'), '{}');
    const after = standardWebhookSignature(config, 'msg_1', new Date('2024-01-01T01:00:00Z'), '{}');
    const currentOnly = standardWebhookSignature(
      { webhook_secret: config.webhook_secret },
      'msg_1',
      new Date('2023-12-31T23:00:00Z'),
      '{}',
    );
    expect(during?.split(' ')).toHaveLength(2);
    expect(during?.split(' ')[0]).toBe(currentOnly);
    expect(after?.split(' ')).toHaveLength(1);
  });
});
