import { describe, expect, it } from '@jest/globals';
import { jsonAnswer, textAnswer } from '@herald/channel-sdk/testing';
import { describeNtfyError, interpretNtfyAnswer } from './ntfy.answer.js';

const error = (http: number, code: number, message: string) =>
  jsonAnswer(http, { code, http, error: message, link: 'https://ntfy.sh/docs/publish/#limitations' });

describe('interpretNtfyAnswer', () => {
  it.each([
    [
      'the published message',
      jsonAnswer(200, { id: 'abc123XYZ', time: 1705314600, event: 'message', topic: 't', message: 'm' }),
      { status: 'delivered' },
    ],
    ['200 with HTML', textAnswer(200, '<!DOCTYPE html><html>'), { status: 'failed' }],
    ['200 with other JSON', jsonAnswer(200, { ok: true }), { status: 'failed' }],
    ['204 with no body', textAnswer(204, ''), { status: 'failed' }],
    ['429 42901 without Retry-After', error(429, 42901, 'limit reached: too many requests'), { status: 'retry', retryAfterMs: 5_000 }],
    [
      '429 with an HTTP-date Retry-After in the past',
      textAnswer(429, 'slow down', { 'retry-after': 'Mon, 15 Jan 2024 10:30:00 GMT' }),
      { status: 'retry', retryAfterMs: 0 },
    ],
    ['429 42908 (daily quota)', error(429, 42908, 'limit reached: too many messages'), { status: 'retry', retryAfterMs: 3_600_000 }],
    ['401', error(401, 40101, 'unauthorized'), { status: 'failed' }],
    ['403', error(403, 40301, 'forbidden'), { status: 'failed' }],
    ['413', error(413, 41301, 'attachment too large, or bandwidth limit reached'), { status: 'failed' }],
    ['400', error(400, 40010, 'invalid request: topic name is disallowed'), { status: 'failed' }],
    ['410', textAnswer(410, 'gone'), { status: 'failed', destinationGone: true }],
    ['503', textAnswer(503, 'down'), { status: 'retry' }],
    ['a redirect', textAnswer(301, '', { location: 'https://ntfy.example.com/t' }), { status: 'failed' }],
  ])('reads %s', (_name, response, expected) => {
    expect(interpretNtfyAnswer(response)).toMatchObject(expected);
  });

  it.each([
    [error(400, 40007, 'invalid priority parameter'), 'invalid priority parameter (40007)'],
    [jsonAnswer(400, { error: 'bad', http: 400 }), 'bad'],
    [textAnswer(502, 'Bad Gateway'), 'HTTP 502: Bad Gateway'],
    [textAnswer(500, ''), 'HTTP 500'],
  ])('describes %j as %j', (response, expected) => {
    expect(describeNtfyError(response)).toBe(expected);
  });
});
