import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createMessageContext, renderTemplate, sampleMessageContext, templateSyntaxProblem } from '@herald/channel-sdk';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ProjectsService } from '../projects/projects.service.js';
import { TemplatePreviewAnswer, TemplatePreviewDto } from './template-preview.dto.js';

const MAX_PATH_DEPTH = 4;

/**
 * Renders a template the way a delivery would, over a sample event or the one given, without
 * sending or storing anything; also lists the `${...}` paths that event offers. The console's
 * template editor previews with it.
 */
@ApiTags('subscriptions')
@Controller('v1/templates')
@Roles('admin')
export class TemplatePreviewController {
  constructor(private readonly projects: ProjectsService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Render a template without sending',
    description:
      'Over a sample event or the one given, as a delivery would; lists the ${path} values the event offers. Nothing is sent or stored.',
  })
  @ApiResponse({ status: 200, type: TemplatePreviewAnswer })
  @ApiErrors(400)
  async preview(@CurrentProjectId() projectId: string, @Body() input: TemplatePreviewDto) {
    const project = await this.projects.findById(projectId);
    const scope = {
      project: project ? { id: project.id, key: project.key, name: project.name } : undefined,
      subscription: { id: 'sub_preview', name: input.subscription_name ?? '' },
    };
    const context = input.event ? createMessageContext(input.event, scope) : sampleMessageContext(scope.project, scope.subscription);
    const problem = templateSyntaxProblem(input.template) ?? null;
    return { rendered: problem ? null : renderTemplate(input.template, context), problem, paths: pathsOf(context) };
  }
}

/** Every `a.b.c` path to a value in the context, objects walked to a few levels. */
function pathsOf(value: unknown, prefix = '', depth = 0): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth >= MAX_PATH_DEPTH) return prefix ? [prefix] : [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, child]) => pathsOf(child, prefix ? `${prefix}.${key}` : key, depth + 1));
}
