import { describe, expect, it } from '@jest/globals';
import { classifyHttpAnswer, parseRetryAfter } from './http-answer.js';

const answer = (status: number, headers: Record<string, string> = {}, body = '') => ({ status, headers, body });

describe('classifyHttpAnswer', () => {
  it.each([
    [answer(200), { status: 'delivered' }],
    [answer(204), { status: 'delivered' }],
    [answer(408), { status: 'retry' }],
    [answer(429, { 'retry-after': '12' }), { status: 'retry', retryAfterMs: 12_000 }],
    [answer(500, {}, 'boom'), { status: 'retry', reason: 'The endpoint answered HTTP 500: boom' }],
    [answer(503, { 'retry-after': '1.5' }), { status: 'retry', retryAfterMs: 1500 }],
    [answer(301, { location: 'http://elsewhere/' }), { status: 'failed' }],
    [answer(400, {}, 'bad'), { status: 'failed', reason: 'The endpoint answered HTTP 400: bad' }],
    [answer(410), { status: 'failed', destinationGone: true }],
  ])('%j → %j', (response, expected) => {
    expect(classifyHttpAnswer(response)).toMatchObject(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-01-15T10:30:00Z');
  it.each([
    ['3', 3000],
    ['0.25', 250],
    ['Mon, 15 Jan 2024 10:30:30 GMT', 30_000],
    ['Mon, 15 Jan 2024 10:29:00 GMT', 0],
    ['999999999', 86_400_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
