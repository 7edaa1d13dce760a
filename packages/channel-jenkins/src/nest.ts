import { Module, type DynamicModule } from '@nestjs/common';
import { jenkinsChannel } from './jenkins.channel.js';

/** Injection token of the Jenkins channel provider. */
export const JENKINS_CHANNEL = Symbol.for('herald.channel.jenkins');

/** Registers the Jenkins channel provider in a Nest application: `imports: [JenkinsChannelModule.register()]`. */
@Module({})
export class JenkinsChannelModule {
  static register(): DynamicModule {
    return {
      module: JenkinsChannelModule,
      providers: [{ provide: JENKINS_CHANNEL, useValue: jenkinsChannel }],
      exports: [JENKINS_CHANNEL],
    };
  }
}
