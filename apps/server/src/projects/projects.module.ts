import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Project } from './project.entity.js';
import { ProjectVersionReader } from './project-versions.js';
import { ProjectsService } from './projects.service.js';

/** Projects as a service, for the API and the workers alike; the routes are in ProjectsApiModule. */
@Module({
  imports: [TypeOrmModule.forFeature([Project])],
  providers: [ProjectsService, ProjectVersionReader],
  exports: [ProjectsService, ProjectVersionReader],
})
export class ProjectsModule {}
