import { describe, expect, it } from '@jest/globals';
import { secretValues } from './run-action.js';

describe('secretValues', () => {
  it('adds the token-like path segments and query values of secret URLs', () => {
    const values = secretValues(
      { secretFields: ['service_url', 'sign'] },
      {
        service_url: 'https://hooks.slack.com/services/T0001/B0001ABCD/abcdefghijklmnopqrstuvwx?key=qwertyuiop',
        sign: 'SECabc123',
        other: 'visible',
      },
    );
    expect(values).toEqual(expect.arrayContaining(['abcdefghijklmnopqrstuvwx', 'qwertyuiop', 'SECabc123']));
    expect(values).not.toContain('B0001ABCD');
    expect(values).not.toContain('visible');
  });
});
