import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentProjectId } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { EventsService } from './events.service.js';
import { PublishEventDto } from './publish-event.dto.js';

@Controller('v1/subscriptions')
@Roles('admin')
export class DryRunController {
  constructor(private readonly events: EventsService) {}

  /** Would this event go to this subscription, and if not, which rule stops it. Nothing is stored or counted. */
  @Post(':id/dry-run')
  @HttpCode(200)
  dryRun(@CurrentProjectId() projectId: string, @Param('id') id: string, @Body() event: PublishEventDto) {
    return this.events.dryRun(projectId, id, event);
  }
}
