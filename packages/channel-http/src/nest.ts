import { Module, type DynamicModule } from '@nestjs/common';
import { httpChannel } from './http.channel.js';

/** Injection token of the HTTP channel provider. */
export const HTTP_CHANNEL = Symbol.for('herald.channel.http');

/** Registers the HTTP channel provider in a Nest application: `imports: [HttpChannelModule.register()]`. */
@Module({})
export class HttpChannelModule {
  static register(): DynamicModule {
    return { module: HttpChannelModule, providers: [{ provide: HTTP_CHANNEL, useValue: httpChannel }], exports: [HTTP_CHANNEL] };
  }
}
