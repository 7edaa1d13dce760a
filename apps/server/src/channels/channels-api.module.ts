import { Module } from '@nestjs/common';
import { ChannelsController } from './channels.controller.js';

/** GET /v1/channels: loaded only where this process serves the API (the registry comes from ChannelsModule). */
@Module({
  controllers: [ChannelsController],
})
export class ChannelsApiModule {}
