import { Module, type DynamicModule } from '@nestjs/common';
import { discordChannel } from './discord.channel.js';

/** Injection token of the Discord channel provider. */
export const DISCORD_CHANNEL = Symbol.for('herald.channel.discord');

/** Registers the Discord channel provider in a Nest application: `imports: [DiscordChannelModule.register()]`. */
@Module({})
export class DiscordChannelModule {
  static register(): DynamicModule {
    return {
      module: DiscordChannelModule,
      providers: [{ provide: DISCORD_CHANNEL, useValue: discordChannel }],
      exports: [DISCORD_CHANNEL],
    };
  }
}
