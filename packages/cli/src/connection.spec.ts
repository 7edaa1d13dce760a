import { describe, expect, it } from '@jest/globals';
import { CliError, call, connect } from './connection.js';

const connection = connect({ url: 'http://127.0.0.1:3000/', key: 'hka_test' }, {});

function answer(status: number, error: unknown, headers: Record<string, string> = {}) {
  return async () => ({ error, response: new Response(null, { status, headers }) });
}

describe('call', () => {
  it.each([
    [401, { message: 'invalid API key' }, {}, 'the server did not accept the key (401: invalid API key): check HERALD_KEY or --key.'],
    [403, { message: 'admin role required' }, {}, 'this key may not do that (403: admin role required): use an admin key of the project'],
    [404, { message: 'delivery dlv_1 not found' }, {}, 'not found (404: delivery dlv_1 not found): check the id'],
    [
      400,
      { message: ['name must be 1 to 200 characters', 'role must be admin or publisher'] },
      {},
      'the server refused the request (400: name must be 1 to 200 characters; role must be admin or publisher).',
    ],
    [429, { message: 'slow down' }, { 'retry-after': '7' }, 'try again in 7 seconds.'],
    [
      500,
      { message: 'internal error' },
      { 'x-request-id': 'req-42' },
      'the server failed (500: internal error); its log has the details under request id req-42.',
    ],
  ])('%i says what to do', async (status, error, headers, expected) => {
    const failure = await call(connection, answer(status, error, headers)).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).message).toContain(expected);
  });

  it('returns the data of a successful answer', async () => {
    const data = { id: 'evt_1' };
    expect(await call(connection, async () => ({ data, response: new Response(null, { status: 202 }) }))).toBe(data);
  });
});

describe('connect', () => {
  it('takes the flags first, then HERALD_URL, and trims a trailing slash', () => {
    expect(connection.url).toBe('http://127.0.0.1:3000');
    expect(connect({}, { HERALD_URL: 'http://herald.internal:8080' }).url).toBe('http://herald.internal:8080');
    expect(connect({}, {}).url).toBe('http://127.0.0.1:3000');
  });

  it('refuses a URL that is not one', () => {
    expect(() => connect({ url: 'herald' }, {})).toThrow('"herald" is not a URL: give the server\'s address as --url or HERALD_URL');
  });
});
