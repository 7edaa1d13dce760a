import { ConfigurableModuleBuilder, Module, type DynamicModule } from '@nestjs/common';
import { configureChannel, type ChannelOptions } from '@herald/channel-sdk';
import { ntfyChannel } from './ntfy.channel.js';

/** Injection token of the ntfy channel provider. */
export const NTFY_CHANNEL = Symbol.for('herald.channel.ntfy');

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ChannelOptions>()
  .setClassMethodName('register')
  .build();

/**
 * The ntfy channel in a Nest application: `imports: [NtfyChannelModule.register()]`, then
 * `@Inject(NTFY_CHANNEL) ntfy: ChannelProvider`. Options (defaults per action, a transport) may
 * come from other providers with `NtfyChannelModule.registerAsync({ useFactory, inject })`.
 */
@Module({
  providers: [
    {
      provide: NTFY_CHANNEL,
      useFactory: (options: ChannelOptions) => configureChannel(ntfyChannel, options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [NTFY_CHANNEL],
})
export class NtfyChannelModule extends ConfigurableModuleClass {
  static register(options: ChannelOptions = {}): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: super.register makes the dynamic module of this class, which is what Nest must load.
    return super.register(options);
  }
}
