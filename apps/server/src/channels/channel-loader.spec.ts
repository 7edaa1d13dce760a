import { describe, expect, it } from '@jest/globals';
import { ChannelLoadError, loadChannelPackages } from './channel-loader.js';

describe('loadChannelPackages', () => {
  it('loads first-party packages by name and finds their providers by shape', async () => {
    const [provider] = await loadChannelPackages(['@herald/channel-http']);
    expect(provider).toMatchObject({ id: 'http', specificationVersion: 'herald.channel.v1' });
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

  it('refuses two packages that claim the same channel id', async () => {
    await expect(loadChannelPackages(['@herald/channel-http', '@herald/channel-http'])).rejects.toThrow('already loaded');
  });
});
