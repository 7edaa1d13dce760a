import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { CreatedIngestTokenAnswer, IngestTokenListAnswer } from './ingest.answers.js';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { CreateIngestTokenDto } from './ingest-token.dto.js';
import type { IngestToken } from './ingest-token.entity.js';
import { IngestTokensService } from './ingest-tokens.service.js';

@ApiTags('ingest')
@Controller('v1/ingest-tokens')
@Roles('admin')
export class IngestTokensController {
  constructor(private readonly tokens: IngestTokensService) {}

  /** Creates a token; the token and its URL are in this answer and nowhere else. */
  @Post()
  @ApiOperation({ summary: 'Create an ingest token', description: 'The token and its URL are shown once; only the hash is kept.' })
  @ApiResponse({ status: 201, type: CreatedIngestTokenAnswer })
  @ApiErrors(400)
  async create(@CurrentProjectId() projectId: string, @Body() input: CreateIngestTokenDto, @Req() request: Request) {
    const { token, entity } = await this.tokens.create(projectId, input);
    return { ...view(entity), token, url: `${baseUrl(request)}/v1/ingest/${entity.adapter}/${token}` };
  }

  @Get()
  @ApiOperation({ summary: 'The project’s ingest tokens (without the tokens)' })
  @ApiResponse({ status: 200, type: IngestTokenListAnswer })
  async list(@CurrentProjectId() projectId: string) {
    return { data: (await this.tokens.list(projectId)).map(view) };
  }

  /** Revokes a token: its URL is refused from now on. */
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an ingest token' })
  @ApiResponse({ status: 204, description: 'Revoked' })
  @ApiErrors(404)
  async remove(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    await this.tokens.remove(projectId, id);
  }
}

function view(token: IngestToken) {
  return {
    id: token.id,
    adapter: token.adapter,
    name: token.name,
    token_prefix: token.tokenPrefix,
    verifies_token: token.verificationTokenHash !== null,
    settings: token.settings,
    created_at: token.createdAt,
    last_used_at: token.lastUsedAt,
  };
}

/** The address the caller reached Herald at, as a proxy in front of it reports it. */
function baseUrl(request: Request): string {
  const forwardedProto = request.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const forwardedHost = request.get('x-forwarded-host')?.split(',')[0]?.trim();
  return `${forwardedProto || request.protocol}://${forwardedHost || request.get('host')}`;
}
