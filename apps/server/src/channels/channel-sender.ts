import { Inject, Injectable } from '@nestjs/common';
import {
  runAction,
  type ChannelAction,
  type DeliveryOutcome,
  type HttpTransport,
  type MessageContext,
  type SharedCache,
} from '@herald/channel-sdk';
import { HTTP_TRANSPORT, SHARED_CACHE } from '../infrastructure/tokens.js';

/** Runs one attempt of a channel action with the core's transport and shared cache. */
@Injectable()
export class ChannelSender {
  constructor(
    @Inject(HTTP_TRANSPORT) private readonly transport: HttpTransport,
    @Inject(SHARED_CACHE) private readonly cache: SharedCache,
  ) {}

  send(
    action: ChannelAction,
    config: object,
    message: MessageContext,
    delivery: { id: string; attempt: number },
    timeoutMs: number,
  ): Promise<DeliveryOutcome> {
    return runAction(action, { config, message, delivery, transport: this.transport, timeoutMs, cache: this.cache, now: Date.now });
  }
}
