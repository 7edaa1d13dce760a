import { describe, expect, it } from '@jest/globals';
import { escapeMrkdwn, truncateMrkdwn } from './slack.escape.js';

describe('escapeMrkdwn (PROTOCOL.md: Known-answer vectors)', () => {
  it.each([
    [`a & b <c> "d" 'e'`, `a &amp; b &lt;c&gt; "d" 'e'`],
    ['&lt;', '&amp;lt;'],
    ['<https://evil.example|click> <!channel> <@U123>', '&lt;https://evil.example|click&gt; &lt;!channel&gt; &lt;@U123&gt;'],
    ['*bold* _it_ `code` ~x~', '*bold* _it_ `code` ~x~'],
    ['', ''],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe('truncateMrkdwn', () => {
  it.each([
    ['short', 10, 'short'],
    ['abcdefghij', 5, 'abcd…'],
    ['abc&amp;def', 6, 'abc…'],
    ['ab&lt;cdef', 5, 'ab…'],
    ['abc&amp;def', 9, 'abc&amp;…'],
    ['ab😀cdef', 4, 'ab…'],
  ])('cuts %j to %i characters as %j', (input, maxChars, expected) => {
    const cut = truncateMrkdwn(input, maxChars);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(maxChars);
  });
});
