import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { feishuSign, signatureFields } from './feishu.sign.js';

describe('feishuSign (PROTOCOL.md, Known-answer vectors)', () => {
  it.each([
    ['demo', 1599360473, 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8='],
    ['qNV3n3XKCb5y9QJ6Nv3ZMb', 1700000000, 'YzH7lVqxIfH+IOmnAFAKmkHdTiPvPcFibui7CXSrYEY='],
  ])('signs with secret %j at %d', (secret, timestamp, expected) => {
    expect(feishuSign(secret, timestamp)).toBe(expected);
  });

  it('does not use the DingTalk construction (vector 3)', () => {
    const dingtalkStyle = createHmac('sha256', 'demo').update('1599360473\ndemo').digest('base64');
    expect(dingtalkStyle).toBe('DkEDUyVoOOJ539qBvUgMyzkzIdRWlf4e/V3Rq+ONJnQ=');
    expect(feishuSign('demo', 1599360473)).not.toBe(dingtalkStyle);
  });
});

describe('signatureFields', () => {
  it('signs the current second, as a string, and keeps "+" as it is (the sign travels in JSON)', () => {
    expect(signatureFields('qNV3n3XKCb5y9QJ6Nv3ZMb', 1_700_000_000_999)).toEqual({
      timestamp: '1700000000',
      sign: 'YzH7lVqxIfH+IOmnAFAKmkHdTiPvPcFibui7CXSrYEY=',
    });
  });
});
