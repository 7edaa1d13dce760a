import { describe, expect, it } from '@jest/globals';
import { defineAction, defineChannel, type SendContext } from './channel-provider.js';
import { ChannelOptionsError, configureChannel } from './configure-channel.js';
import { delivered } from './delivery-outcome.js';
import type { HttpTransport } from './http-transport.js';
import { createMessageContext } from './message-context.js';
import { memoryCache } from './shared-cache.js';

class PingConfig {
  service_url!: string;
}

const seen: HttpTransport[] = [];
const ping = defineAction({
  id: 'ping',
  displayName: 'Ping',
  config: PingConfig,
  defaults: { timeoutMs: 5_000 },
  async send(context) {
    seen.push(context.transport);
    return delivered();
  },
});
const channel = defineChannel({ id: 'ping', displayName: 'Ping', actions: [ping] });
const transport = (): HttpTransport => ({ request: async () => ({ status: 200, headers: {}, body: '' }) });
const context = (callerTransport: HttpTransport): SendContext<PingConfig> => ({
  config: { service_url: 'https://ping.example' },
  message: createMessageContext({ type: 'x' }),
  delivery: { id: 'd', attempt: 1 },
  transport: callerTransport,
  timeoutMs: 1_000,
  cache: memoryCache(),
  now: Date.now,
});

describe('configureChannel', () => {
  it('returns the provider itself without options', () => {
    expect(configureChannel(channel)).toBe(channel);
  });

  it("overrides an action's defaults, keeping the others", () => {
    const configured = configureChannel(channel, { defaults: { ping: { timeoutMs: 2_000 } } });
    expect(configured.actions[0]!.defaults).toEqual({ ...ping.defaults, timeoutMs: 2_000 });
    expect(ping.defaults.timeoutMs).toBe(5_000);
  });

  it("sends through the configured transport instead of the caller's", async () => {
    const own = transport();
    const callers = transport();
    await configureChannel(channel, { transport: own }).actions[0]!.send(context(callers));
    expect(seen.at(-1)).toBe(own);
  });

  it.each([
    [{ timeoutMs: 0 }, 'defaults.ping.timeoutMs must be a positive number of milliseconds'],
    [{ retry: { maxAttempts: 0, initialDelayMs: 1, maxDelayMs: 2 } }, 'defaults.ping.retry.maxAttempts must be an integer of 1 or more'],
    [{ retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 2 } }, 'maxDelayMs at least initialDelayMs'],
    [{ rateLimits: [{ max: 5, perMs: 0 }] }, 'defaults.ping.rateLimits must be a list of { max, perMs }, both positive'],
  ])('refuses defaults that cannot work: %j', (defaults, message) => {
    expect(() => configureChannel(channel, { defaults: { ping: defaults } })).toThrow(message);
  });

  it('refuses defaults for an action the channel does not have, naming it', () => {
    expect(() => configureChannel(channel, { defaults: { pong: { timeoutMs: 1 } } })).toThrow(
      new ChannelOptionsError('channel ping options: defaults name pong, not an action of it (ping)'),
    );
  });
});
