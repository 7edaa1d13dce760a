import { Module, type DynamicModule } from '@nestjs/common';
import type { ChannelProvider } from '@herald/channel-sdk';
import { ChannelRegistry } from './channel-registry.js';
import { ChannelSender } from './channel-sender.js';
import { ChannelsController } from './channels.controller.js';

/** Registers the loaded channel providers: `ChannelsModule.forRoot(providers)`. */
@Module({})
export class ChannelsModule {
  static forRoot(providers: readonly ChannelProvider[]): DynamicModule {
    return {
      module: ChannelsModule,
      global: true,
      controllers: [ChannelsController],
      providers: [{ provide: ChannelRegistry, useValue: new ChannelRegistry(providers) }, ChannelSender],
      exports: [ChannelRegistry, ChannelSender],
    };
  }
}
