import { Module, type DynamicModule } from '@nestjs/common';
import type { ChannelProvider } from '@herald/channel-sdk';
import type { LoadedChannel } from './channel-loader.js';
import { ChannelRegistry } from './channel-registry.js';
import { ChannelSender } from './channel-sender.js';

/**
 * The channel set of this process: `ChannelsModule.forRoot(loadedChannels)` imports each channel
 * package's registered Nest module and builds the registry from the providers they export.
 */
@Module({})
export class ChannelsModule {
  static forRoot(channels: readonly LoadedChannel[]): DynamicModule {
    return {
      module: ChannelsModule,
      global: true,
      imports: channels.map((channel) => channel.module),
      providers: [
        {
          provide: ChannelRegistry,
          useFactory: (...providers: ChannelProvider[]) => new ChannelRegistry(providers),
          inject: channels.map((channel) => channel.token),
        },
        ChannelSender,
      ],
      exports: [ChannelRegistry, ChannelSender],
    };
  }
}
