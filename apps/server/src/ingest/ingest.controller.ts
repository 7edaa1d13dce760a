import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import {
  ALERTMANAGER_BODY,
  AlertmanagerIngestAnswer,
  ANY_BODY,
  FEISHU_PROJECT_BODY,
  IngestResultAnswer,
  REPEAT_INTERVAL_QUERY,
} from './ingest.answers.js';
import { CurrentProjectId } from '../auth/principal.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import { IngestService } from './ingest.service.js';
import { IngestTokensService } from './ingest-tokens.service.js';

/** Senders that speak their own format: Prometheus Alertmanager, Feishu Project, and any JSON through a generic token. */
@ApiTags('ingest')
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
  @ApiOperation({
    summary: 'Take a Prometheus Alertmanager webhook',
    description: 'One event per alert, `alertmanager.firing` or `alertmanager.resolved`; a webhook sent again creates nothing new.',
  })
  @ApiBody({ schema: ALERTMANAGER_BODY })
  @ApiQuery(REPEAT_INTERVAL_QUERY)
  @ApiResponse({ status: 200, type: AlertmanagerIngestAnswer })
  @ApiErrors(400, 413)
  alertmanager(@CurrentProjectId() projectId: string, @Body() body: unknown, @Query('repeat_interval') repeatInterval?: string) {
    return this.ingest.alertmanager(projectId, body, repeatInterval);
  }

  /** A Feishu Project webhook: `feishu_project.<header.event_type>`, idempotent on `header.uuid`. */
  @Post('feishu-project')
  @HttpCode(200)
  @Roles('publisher', 'admin')
  @ApiOperation({
    summary: 'Take a Feishu Project webhook',
    description:
      'Type `feishu_project.<header.event_type>`, id `header.uuid`, subject `header.operator`, data the payload (with `header.rule_name`, sent for automation rules, as `data.rule_name`).',
  })
  @ApiBody({ schema: FEISHU_PROJECT_BODY })
  @ApiResponse({ status: 200, type: IngestResultAnswer })
  @ApiErrors(400, 413)
  feishuProject(@CurrentProjectId() projectId: string, @Body() body: unknown) {
    return this.ingest.feishuProject(projectId, body);
  }

  /** The same adapters, and the generic one, for senders that can be given only a URL: the token is the key. */
  @Post(':adapter/:token')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Take a sender’s webhook through an ingest token',
    description:
      'No key: the token in the URL is the credential (404 when unknown or revoked; 401 when Feishu Project’s header.token does not match). The answer is the adapter’s (Alertmanager: `{events}`).',
  })
  @ApiBody({ schema: ANY_BODY })
  @ApiQuery(REPEAT_INTERVAL_QUERY)
  @ApiResponse({ status: 200, type: IngestResultAnswer })
  @ApiErrors(400, 401, 404, 413)
  async byToken(
    @Param('adapter') adapter: string,
    @Param('token') token: string,
    @Body() body: unknown,
    @Query('repeat_interval') repeatInterval?: string,
  ) {
    const found = await this.tokens.authenticate(adapter, token);
    return this.ingest.byToken(found, body, (presented) => this.tokens.verifies(found, presented), repeatInterval);
  }
}
