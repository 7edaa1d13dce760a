import { Module, type DynamicModule } from '@nestjs/common';
import { feishuChannel } from './feishu.channel.js';

/** Injection token of the Feishu channel provider. */
export const FEISHU_CHANNEL = Symbol.for('herald.channel.feishu');

/** Registers the Feishu channel provider in a Nest application: `imports: [FeishuChannelModule.register()]`. */
@Module({})
export class FeishuChannelModule {
  static register(): DynamicModule {
    return { module: FeishuChannelModule, providers: [{ provide: FEISHU_CHANNEL, useValue: feishuChannel }], exports: [FEISHU_CHANNEL] };
  }
}
