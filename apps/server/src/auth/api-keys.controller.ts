import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiKeyListAnswer, CreatedApiKeyAnswer } from './api-key.answers.js';
import type { ApiKey } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';
import { CreateApiKeyDto } from './create-api-key.dto.js';
import { CurrentProjectId } from './principal.js';
import { Roles } from './roles.decorator.js';

@ApiTags('api-keys')
@Controller('v1/api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: "The project's API keys", description: 'Names, roles, prefixes and last use; never the keys themselves.' })
  @ApiResponse({ status: 200, type: ApiKeyListAnswer })
  async list(@CurrentProjectId() projectId: string) {
    return { data: (await this.apiKeys.list(projectId)).map(apiKeyView) };
  }

  @Post()
  @ApiOperation({ summary: 'Create an API key', description: 'The key is in this answer and nowhere else: only its hash is kept.' })
  @ApiResponse({ status: 201, type: CreatedApiKeyAnswer })
  @ApiErrors(400)
  create(@CurrentProjectId() projectId: string, @Body() input: CreateApiKeyDto) {
    return this.apiKeys.create(this.dataSource.manager, projectId, input.role, input.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'Refused with 409 for the last admin key of the project. Other replicas may accept the key for up to 10 seconds more.',
  })
  @ApiResponse({ status: 204, description: 'Revoked' })
  @ApiErrors(404, 409)
  async revoke(@CurrentProjectId() projectId: string, @Param('id') id: string) {
    await this.apiKeys.revoke(projectId, id);
  }
}

function apiKeyView(key: ApiKey) {
  return { id: key.id, name: key.name, role: key.role, key_prefix: key.keyPrefix, created_at: key.createdAt, last_used_at: key.lastUsedAt };
}
