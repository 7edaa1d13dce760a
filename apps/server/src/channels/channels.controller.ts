import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { ChannelListAnswer } from './channel.answers.js';
import { ChannelRegistry } from './channel-registry.js';

@ApiTags('channels')
@Controller('v1/channels')
export class ChannelsController {
  constructor(private readonly registry: ChannelRegistry) {}

  @Get()
  @Roles('root', 'admin', 'publisher')
  @ApiOperation({ summary: 'Installed channels, their actions and config JSON Schemas' })
  @ApiResponse({ status: 200, type: ChannelListAnswer })
  list() {
    return {
      data: this.registry.providers.map((provider) => ({
        id: provider.id,
        display_name: provider.displayName,
        display_name_zh: provider.displayNameZh ?? null,
        actions: provider.actions.map((action) => ({
          id: action.id,
          display_name: action.displayName,
          display_name_zh: action.displayNameZh ?? null,
          description: action.description ?? null,
          description_zh: action.descriptionZh ?? null,
          config_schema: action.configSchema,
          secret_fields: action.secretFields,
          defaults: {
            retry_policy: {
              max_attempts: action.defaults.retry.maxAttempts,
              initial_delay_ms: action.defaults.retry.initialDelayMs,
              max_delay_ms: action.defaults.retry.maxDelayMs,
              timeout_ms: action.defaults.timeoutMs,
            },
            rate_limits: action.defaults.rateLimits.map((limit) => ({ max: limit.max, per_ms: limit.perMs })),
          },
        })),
      })),
    };
  }
}
