import { ConfigurableModuleBuilder, Module, type DynamicModule } from '@nestjs/common';
import { configureChannel, type ChannelOptions } from '@herald/channel-sdk';
import { feishuChannel } from './feishu.channel.js';

/** Injection token of the Feishu channel provider. */
export const FEISHU_CHANNEL = Symbol.for('herald.channel.feishu');

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ChannelOptions>()
  .setClassMethodName('register')
  .build();

/**
 * The Feishu channel in a Nest application: `imports: [FeishuChannelModule.register()]`, then
 * `@Inject(FEISHU_CHANNEL) feishu: ChannelProvider`. Options (defaults per action, a transport) may
 * come from other providers with `FeishuChannelModule.registerAsync({ useFactory, inject })`.
 */
@Module({
  providers: [
    {
      provide: FEISHU_CHANNEL,
      useFactory: (options: ChannelOptions) => configureChannel(feishuChannel, options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [FEISHU_CHANNEL],
})
export class FeishuChannelModule extends ConfigurableModuleClass {
  static register(options: ChannelOptions = {}): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: super.register makes the dynamic module of this class, which is what Nest must load.
    return super.register(options);
  }
}
