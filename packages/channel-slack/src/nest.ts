import { ConfigurableModuleBuilder, Module, type DynamicModule } from '@nestjs/common';
import { configureChannel, type ChannelOptions } from '@herald/channel-sdk';
import { slackChannel } from './slack.channel.js';

/** Injection token of the Slack channel provider. */
export const SLACK_CHANNEL = Symbol.for('herald.channel.slack');

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ChannelOptions>()
  .setClassMethodName('register')
  .build();

/**
 * The Slack channel in a Nest application: `imports: [SlackChannelModule.register()]`, then
 * `@Inject(SLACK_CHANNEL) slack: ChannelProvider`. Options (defaults per action, a transport) may
 * come from other providers with `SlackChannelModule.registerAsync({ useFactory, inject })`.
 */
@Module({
  providers: [
    {
      provide: SLACK_CHANNEL,
      useFactory: (options: ChannelOptions) => configureChannel(slackChannel, options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [SLACK_CHANNEL],
})
export class SlackChannelModule extends ConfigurableModuleClass {
  static register(options: ChannelOptions = {}): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: super.register makes the dynamic module of this class, which is what Nest must load.
    return super.register(options);
  }
}
