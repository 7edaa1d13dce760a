import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { IngestController } from './ingest.controller.js';
import { IngestService } from './ingest.service.js';
import { IngestToken } from './ingest-token.entity.js';
import { IngestTokensController } from './ingest-tokens.controller.js';
import { IngestTokensService } from './ingest-tokens.service.js';

/** Ingest adapters (Alertmanager, Feishu Project, generic JSON) and the URL tokens of senders that cannot set a header. */
@Module({
  imports: [TypeOrmModule.forFeature([IngestToken]), EventsModule],
  controllers: [IngestController, IngestTokensController],
  providers: [IngestService, IngestTokensService],
})
export class IngestModule {}
