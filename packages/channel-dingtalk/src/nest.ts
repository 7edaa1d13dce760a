import { ConfigurableModuleBuilder, Module, type DynamicModule } from '@nestjs/common';
import { configureChannel, type ChannelOptions } from '@herald/channel-sdk';
import { dingtalkChannel } from './dingtalk.channel.js';

/** Injection token of the DingTalk channel provider. */
export const DINGTALK_CHANNEL = Symbol.for('herald.channel.dingtalk');

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ChannelOptions>()
  .setClassMethodName('register')
  .build();

/**
 * The DingTalk channel in a Nest application: `imports: [DingTalkChannelModule.register()]`, then
 * `@Inject(DINGTALK_CHANNEL) dingtalk: ChannelProvider`. Options (defaults per action, a transport) may
 * come from other providers with `DingTalkChannelModule.registerAsync({ useFactory, inject })`.
 */
@Module({
  providers: [
    {
      provide: DINGTALK_CHANNEL,
      useFactory: (options: ChannelOptions) => configureChannel(dingtalkChannel, options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [DINGTALK_CHANNEL],
})
export class DingTalkChannelModule extends ConfigurableModuleClass {
  static register(options: ChannelOptions = {}): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: super.register makes the dynamic module of this class, which is what Nest must load.
    return super.register(options);
  }
}
