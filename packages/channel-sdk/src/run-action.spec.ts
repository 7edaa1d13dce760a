import { describe, expect, it } from '@jest/globals';
import type { ChannelAction } from './channel-provider.js';
import { delivered } from './delivery-outcome.js';
import { runAction, secretValues } from './run-action.js';

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

describe('runAction', () => {
  it("masks secret values in a delivered outcome's note, as in a failure's reason", async () => {
    const action = {
      id: 'echo',
      secretFields: ['token'],
      send: async () => delivered({ note: 'the platform echoed token s3cr3t-token-value back' }),
    } as unknown as ChannelAction<{ token: string }>;
    const outcome = await runAction(action, { config: { token: 's3cr3t-token-value' } } as never);
    expect(outcome).toEqual({ status: 'delivered', note: expect.stringContaining('the platform echoed token') });
    expect(JSON.stringify(outcome)).not.toContain('s3cr3t-token-value');
  });
});
