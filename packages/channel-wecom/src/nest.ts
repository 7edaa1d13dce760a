import { Module, type DynamicModule } from '@nestjs/common';
import { wecomChannel } from './wecom.channel.js';

/** Injection token of the WeCom channel provider. */
export const WECOM_CHANNEL = Symbol.for('herald.channel.wecom');

/** Registers the WeCom channel provider in a Nest application: `imports: [WeComChannelModule.register()]`. */
@Module({})
export class WeComChannelModule {
  static register(): DynamicModule {
    return { module: WeComChannelModule, providers: [{ provide: WECOM_CHANNEL, useValue: wecomChannel }], exports: [WECOM_CHANNEL] };
  }
}
