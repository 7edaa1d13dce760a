import { describe, expect, it } from '@jest/globals';
import { ChannelLoadError, loadChannelPackages } from './channel-loader.js';

describe('loadChannelPackages', () => {
  it("loads a first-party package through its Nest module's register(), with the provider it exports", async () => {
    const [channel] = await loadChannelPackages(['@herald/channel-http']);
    expect(channel!.module.module.name).toBe('HttpChannelModule');
    expect(channel!.token).toBe(Symbol.for('herald.channel.http'));
    expect(channel!.provider).toMatchObject({ id: 'http', specificationVersion: 'herald.channel.v1' });
  });

  it('loads a third-party package by its name through its Nest module', async () => {
    const [channel] = await loadChannelPackages(['herald-channel-ntfy']);
    expect(channel!.module.module.name).toBe('NtfyChannelModule');
    expect(channel!.provider.id).toBe('ntfy');
  });

  it('wraps a package without a Nest module in a module of its own, around the provider it exports', async () => {
    const [channel] = await loadChannelPackages(['./test/fixtures/plain-channel']);
    expect(channel!.provider.id).toBe('ping');
    expect(channel!.module.exports).toEqual([channel!.token]);
  });

  it('refuses a package that is not installed, naming it', async () => {
    await expect(loadChannelPackages(['herald-channel-does-not-exist'])).rejects.toThrow(
      new ChannelLoadError(
        'channel package herald-channel-does-not-exist is not installed (HERALD_CHANNELS names it); install it or remove it from HERALD_CHANNELS',
      ),
    );
  });

  it('refuses a module that does not satisfy the contract, saying why', async () => {
    await expect(loadChannelPackages(['./test/fixtures/not-a-channel.mjs'])).rejects.toThrow(
      'channel package ./test/fixtures/not-a-channel.mjs does not satisfy the ChannelProvider contract: specificationVersion is "herald.channel.v0", expected "herald.channel.v1"',
    );
  });

  it('refuses a Nest module that exports no ChannelProvider, saying why', async () => {
    await expect(loadChannelPackages(['./test/fixtures/broken-nest-channel'])).rejects.toThrow(
      'channel package ./test/fixtures/broken-nest-channel does not satisfy the ChannelProvider contract: its Nest module exports no ChannelProvider (specificationVersion is undefined, expected "herald.channel.v1")',
    );
  });

  it('refuses two packages that claim the same channel id, naming both', async () => {
    await expect(loadChannelPackages(['@herald/channel-http', '@herald/channel-http'])).rejects.toThrow(
      'channel package @herald/channel-http declares channel id "http", already loaded from @herald/channel-http',
    );
  });
});
