import { Module } from '@nestjs/common';
import { ProjectsController } from './projects.controller.js';
import { ProjectsModule } from './projects.module.js';

/** The /v1/projects routes: loaded only where this process serves the API. */
@Module({
  imports: [ProjectsModule],
  controllers: [ProjectsController],
})
export class ProjectsApiModule {}
