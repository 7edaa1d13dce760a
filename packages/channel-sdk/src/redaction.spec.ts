import { describe, expect, it } from '@jest/globals';
import { excerpt, redactHeaders, redactUrl, scrubSecrets, truncateChars, truncateUtf8 } from './redaction.js';
import { parseHeaderLines } from './header-lines.js';

describe('redactUrl', () => {
  it.each([
    [
      'https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1',
      'https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=***',
    ],
    [
      'https://open.feishu.cn/open-apis/bot/v2/hook/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
      'https://open.feishu.cn/open-apis/bot/v2/hook/***',
    ],
    ['https://user:pass@example.com/hooks/herald', 'https://example.com/hooks/herald'],
    ['not a url', '***'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('keeps only harmless header values', () => {
    expect(redactHeaders({ 'Content-Type': 'application/json', Authorization: 'Bearer x', 'x-herald-signature': 'sha1=1' })).toEqual({
      'Content-Type': 'application/json',
      Authorization: '***',
      'x-herald-signature': '***',
    });
  });

  it('scrubs every occurrence of every secret', () => {
    expect(scrubSecrets('token abcd1234 and abcd1234 again, key zz', ['abcd1234', 'zz'])).toBe('token *** and *** again, key zz');
  });
});

describe('truncation', () => {
  it('cuts UTF-8 on character boundaries within the byte budget', () => {
    const cut = truncateUtf8('通知'.repeat(10), 20);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(20);
    expect(cut).toBe('通知通知通…');
  });

  it('never splits a surrogate pair', () => {
    expect(truncateChars('ab😀cd', 4)).toBe('ab…');
  });

  it('marks an excerpt that was cut', () => {
    expect(excerpt('x'.repeat(30), 10)).toBe('xxxxxxxxxx…[20 more]');
  });
});

describe('parseHeaderLines', () => {
  it('reads "Name: value" lines and skips blank ones', () => {
    expect(parseHeaderLines('X-A: 1\r\n\nX-B:  two words ')).toEqual([
      { name: 'X-A', value: '1' },
      { name: 'X-B', value: 'two words' },
    ]);
  });

  it.each([
    ['X-A 1', 'line 1 is not "Name: value"'],
    ['X-A: 1\rSet-Cookie: a', 'contains a control character'],
    ['Host: evil.example', 'Host is set by Herald'],
    ['Bad Name: 1', 'is not a valid header name'],
  ])('refuses %j', (text, message) => {
    expect(() => parseHeaderLines(text)).toThrow(message);
  });
});
