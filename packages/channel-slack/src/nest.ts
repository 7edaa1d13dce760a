import { Module, type DynamicModule } from '@nestjs/common';
import { slackChannel } from './slack.channel.js';

/** Injection token of the Slack channel provider. */
export const SLACK_CHANNEL = Symbol.for('herald.channel.slack');

/** Registers the Slack channel provider in a Nest application: `imports: [SlackChannelModule.register()]`. */
@Module({})
export class SlackChannelModule {
  static register(): DynamicModule {
    return { module: SlackChannelModule, providers: [{ provide: SLACK_CHANNEL, useValue: slackChannel }], exports: [SLACK_CHANNEL] };
  }
}
