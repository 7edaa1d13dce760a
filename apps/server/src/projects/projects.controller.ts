import { Body, Controller, Post } from '@nestjs/common';
import { Roles } from '../auth/roles.decorator.js';
import { CreateProjectDto } from './create-project.dto.js';
import { ProjectsService } from './projects.service.js';

@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  /** Creates a project; its two API keys are in this answer and nowhere else. */
  @Post()
  @Roles('root')
  create(@Body() input: CreateProjectDto) {
    return this.projects.create(input);
  }
}
