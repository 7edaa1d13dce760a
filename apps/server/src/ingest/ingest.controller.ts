import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentProjectId } from '../auth/principal.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import { IngestService } from './ingest.service.js';
import { IngestTokensService } from './ingest-tokens.service.js';

/** Senders that speak their own format: Prometheus Alertmanager, Feishu Project, and any JSON through a generic token. */
@Controller('v1/ingest')
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly tokens: IngestTokensService,
  ) {}

  /** An Alertmanager webhook (webhook_configs with http_config.authorization carrying the key): one event per alert. */
  @Post('alertmanager')
  @HttpCode(200)
  @Roles('publisher', 'admin')
  alertmanager(@CurrentProjectId() projectId: string, @Body() body: unknown) {
    return this.ingest.alertmanager(projectId, body);
  }

  /** A Feishu Project webhook: `feishu_project.<header.event_type>`, idempotent on `header.uuid`. */
  @Post('feishu-project')
  @HttpCode(200)
  @Roles('publisher', 'admin')
  feishuProject(@CurrentProjectId() projectId: string, @Body() body: unknown) {
    return this.ingest.feishuProject(projectId, body);
  }

  /** The same adapters, and the generic one, for senders that can be given only a URL: the token is the key. */
  @Post(':adapter/:token')
  @HttpCode(200)
  @Public()
  async byToken(@Param('adapter') adapter: string, @Param('token') token: string, @Body() body: unknown) {
    const found = await this.tokens.authenticate(adapter, token);
    return this.ingest.byToken(found, body, (presented) => this.tokens.verifies(found, presented));
  }
}
