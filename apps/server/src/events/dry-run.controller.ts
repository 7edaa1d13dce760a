import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { DryRunAnswer } from '../subscriptions/subscription.answers.js';
import { EventsService } from './events.service.js';
import { PublishEventDto } from './publish-event.dto.js';

@ApiTags('subscriptions')
@Controller('v1/subscriptions')
@Roles('admin')
export class DryRunController {
  constructor(private readonly events: EventsService) {}

  /** Would this event go to this subscription, and if not, which rule stops it. Nothing is stored or counted. */
  @Post(':id/dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Would this event go to this subscription?',
    description: 'Which rule stops it, if one does. Nothing is stored or counted.',
  })
  @ApiResponse({ status: 200, type: DryRunAnswer })
  @ApiErrors(400, 404)
  dryRun(@CurrentProjectId() projectId: string, @Param('id') id: string, @Body() event: PublishEventDto) {
    return this.events.dryRun(projectId, id, event);
  }
}
