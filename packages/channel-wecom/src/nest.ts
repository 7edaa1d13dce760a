import { ConfigurableModuleBuilder, Module, type DynamicModule } from '@nestjs/common';
import { configureChannel, type ChannelOptions } from '@herald/channel-sdk';
import { wecomChannel } from './wecom.channel.js';

/** Injection token of the WeCom channel provider. */
export const WECOM_CHANNEL = Symbol.for('herald.channel.wecom');

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ChannelOptions>()
  .setClassMethodName('register')
  .build();

/**
 * The WeCom channel in a Nest application: `imports: [WeComChannelModule.register()]`, then
 * `@Inject(WECOM_CHANNEL) wecom: ChannelProvider`. Options (defaults per action, a transport) may
 * come from other providers with `WeComChannelModule.registerAsync({ useFactory, inject })`.
 */
@Module({
  providers: [
    {
      provide: WECOM_CHANNEL,
      useFactory: (options: ChannelOptions) => configureChannel(wecomChannel, options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [WECOM_CHANNEL],
})
export class WeComChannelModule extends ConfigurableModuleClass {
  static register(options: ChannelOptions = {}): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: super.register makes the dynamic module of this class, which is what Nest must load.
    return super.register(options);
  }
}
