import { ConfigurableModuleBuilder, Module, type DynamicModule } from '@nestjs/common';
import { configureChannel, type ChannelOptions } from '@herald/channel-sdk';
import { jenkinsChannel } from './jenkins.channel.js';

/** Injection token of the Jenkins channel provider. */
export const JENKINS_CHANNEL = Symbol.for('herald.channel.jenkins');

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ChannelOptions>()
  .setClassMethodName('register')
  .build();

/**
 * The Jenkins channel in a Nest application: `imports: [JenkinsChannelModule.register()]`, then
 * `@Inject(JENKINS_CHANNEL) jenkins: ChannelProvider`. Options (defaults per action, a transport) may
 * come from other providers with `JenkinsChannelModule.registerAsync({ useFactory, inject })`.
 */
@Module({
  providers: [
    {
      provide: JENKINS_CHANNEL,
      useFactory: (options: ChannelOptions) => configureChannel(jenkinsChannel, options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [JENKINS_CHANNEL],
})
export class JenkinsChannelModule extends ConfigurableModuleClass {
  static register(options: ChannelOptions = {}): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: super.register makes the dynamic module of this class, which is what Nest must load.
    return super.register(options);
  }
}
