import { ConfigurableModuleBuilder, Module, type DynamicModule } from '@nestjs/common';
import { configureChannel, type ChannelOptions } from '@herald/channel-sdk';
import { httpChannel } from './http.channel.js';

/** Injection token of the HTTP channel provider. */
export const HTTP_CHANNEL = Symbol.for('herald.channel.http');

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ChannelOptions>()
  .setClassMethodName('register')
  .build();

/**
 * The HTTP channel in a Nest application: `imports: [HttpChannelModule.register()]`, then
 * `@Inject(HTTP_CHANNEL) http: ChannelProvider`. Options (defaults per action, a transport) may
 * come from other providers with `HttpChannelModule.registerAsync({ useFactory, inject })`.
 */
@Module({
  providers: [
    {
      provide: HTTP_CHANNEL,
      useFactory: (options: ChannelOptions) => configureChannel(httpChannel, options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [HTTP_CHANNEL],
})
export class HttpChannelModule extends ConfigurableModuleClass {
  static register(options: ChannelOptions = {}): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: super.register makes the dynamic module of this class, which is what Nest must load.
    return super.register(options);
  }
}
