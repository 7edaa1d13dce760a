import { ConfigurableModuleBuilder, Module, type DynamicModule } from '@nestjs/common';
import { configureChannel, type ChannelOptions } from '@herald/channel-sdk';
import { discordChannel } from './discord.channel.js';

/** Injection token of the Discord channel provider. */
export const DISCORD_CHANNEL = Symbol.for('herald.channel.discord');

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ChannelOptions>()
  .setClassMethodName('register')
  .build();

/**
 * The Discord channel in a Nest application: `imports: [DiscordChannelModule.register()]`, then
 * `@Inject(DISCORD_CHANNEL) discord: ChannelProvider`. Options (defaults per action, a transport) may
 * come from other providers with `DiscordChannelModule.registerAsync({ useFactory, inject })`.
 */
@Module({
  providers: [
    {
      provide: DISCORD_CHANNEL,
      useFactory: (options: ChannelOptions) => configureChannel(discordChannel, options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [DISCORD_CHANNEL],
})
export class DiscordChannelModule extends ConfigurableModuleClass {
  static register(options: ChannelOptions = {}): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: super.register makes the dynamic module of this class, which is what Nest must load.
    return super.register(options);
  }
}
