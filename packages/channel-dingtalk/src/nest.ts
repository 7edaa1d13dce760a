import { Module, type DynamicModule } from '@nestjs/common';
import { dingtalkChannel } from './dingtalk.channel.js';

/** Injection token of the DingTalk channel provider. */
export const DINGTALK_CHANNEL = Symbol.for('herald.channel.dingtalk');

/** Registers the DingTalk channel provider in a Nest application: `imports: [DingTalkChannelModule.register()]`. */
@Module({})
export class DingTalkChannelModule {
  static register(): DynamicModule {
    return {
      module: DingTalkChannelModule,
      providers: [{ provide: DINGTALK_CHANNEL, useValue: dingtalkChannel }],
      exports: [DINGTALK_CHANNEL],
    };
  }
}
