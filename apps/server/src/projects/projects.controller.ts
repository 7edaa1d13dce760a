import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CreatedApiKeyAnswer } from '../auth/api-key.answers.js';
import { CreateApiKeyDto } from '../auth/create-api-key.dto.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { CreateProjectDto } from './create-project.dto.js';
import { CreatedProjectAnswer, ProjectAnswer, ProjectListAnswer } from './project.answers.js';
import { ProjectsService } from './projects.service.js';

@ApiTags('projects')
@Controller('v1/projects')
@Roles('root')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  /** Creates a project; its two API keys are in this answer and nowhere else. */
  @Post()
  @ApiOperation({
    summary: 'Create a project',
    description: 'Creates a project with one admin and one publisher key, shown in this answer only.',
  })
  @ApiResponse({ status: 201, type: CreatedProjectAnswer })
  @ApiErrors(400, 409)
  create(@Body() input: CreateProjectDto) {
    return this.projects.create(input);
  }

  @Get()
  @ApiOperation({ summary: 'Every project, oldest first' })
  @ApiResponse({ status: 200, type: ProjectListAnswer })
  async list() {
    return { data: (await this.projects.list()).map((project) => this.projects.view(project)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One project' })
  @ApiResponse({ status: 200, type: ProjectAnswer })
  @ApiErrors(404)
  async get(@Param('id') id: string) {
    return this.projects.view(await this.projects.get(id));
  }

  /** A new key for an existing project (its admin key was lost, or a new publisher): shown in this answer only. */
  @Post(':id/api-keys')
  @ApiOperation({
    summary: 'Create an API key for a project',
    description:
      "For the root key: a new admin or publisher key of the project, such as when its admin key was lost. The key is in this answer and nowhere else: only its hash is kept. The project's other keys keep working.",
  })
  @ApiResponse({ status: 201, type: CreatedApiKeyAnswer })
  @ApiErrors(400, 404)
  createApiKey(@Param('id') id: string, @Body() input: CreateApiKeyDto) {
    return this.projects.createApiKey(id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a project',
    description: 'With its API keys, subscriptions, events, deliveries and attempts. Deliveries in flight are abandoned.',
  })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrors(404)
  async remove(@Param('id') id: string) {
    await this.projects.remove(id);
  }
}
