import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { CreateProjectDto } from './create-project.dto.js';
import { CreatedProjectAnswer } from './project.answers.js';
import { ProjectsService } from './projects.service.js';

@ApiTags('projects')
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  /** Creates a project; its two API keys are in this answer and nowhere else. */
  @Post()
  @Roles('root')
  @ApiOperation({
    summary: 'Create a project',
    description: 'Creates a project with one admin and one publisher key, shown in this answer only.',
  })
  @ApiResponse({ status: 201, type: CreatedProjectAnswer })
  @ApiErrors(400, 409)
  create(@Body() input: CreateProjectDto) {
    return this.projects.create(input);
  }
}
