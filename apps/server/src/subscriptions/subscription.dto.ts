import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { type FailureNoticeSetting, IsFailureNotice, NOTICE_TYPES } from './failure-notice.js';
import { PRESET_NAMES, type PresetName } from './subscription-presets.js';
import { FiltersDto } from './subscription-filters.dto.js';
import { EVENT_TYPE_PATTERN } from './subscription-matcher.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export class RetryPolicyDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, description: 'Attempts per round', example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  max_attempts?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 100, maximum: DAY_MS, description: 'Delay before the first retry', example: 1000 })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(DAY_MS)
  initial_delay_ms?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 100, maximum: DAY_MS, description: 'Longest delay between retries', example: 600000 })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(DAY_MS)
  max_delay_ms?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 100, maximum: 120_000, description: 'Request time-out', example: 6000 })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  timeout_ms?: number;
}

export class RateLimitDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000,
    description: 'Messages allowed per window, per destination',
    example: 20,
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  max: number;

  @ApiProperty({ type: 'integer', minimum: 10, maximum: DAY_MS, description: 'The window, in milliseconds', example: 60000 })
  @IsInt()
  @Min(10)
  @Max(DAY_MS)
  per_ms: number;
}

/** Event types: exact, a prefix wildcard (`ticket.*`) or `*`. */
function IsEventTypes(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(100),
    IsString({ each: true }),
    Matches(EVENT_TYPE_PATTERN, {
      each: true,
      message: 'each event_types entry must be an event type, a prefix wildcard like "ticket.*", or "*"',
    }),
  );
}

/** What both creating and changing a subscription may set, all optional. */
class SubscriptionSettingsDto {
  @ApiPropertyOptional({ description: 'A disabled subscription gets nothing; true by default', example: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: RetryPolicyDto, nullable: true, description: "Overrides the channel's retry defaults; null restores them" })
  @IsOptional()
  @ValidateNested()
  @Type(() => RetryPolicyDto)
  retry_policy?: RetryPolicyDto | null;

  @ApiPropertyOptional({
    type: RateLimitDto,
    nullable: true,
    description: "Overrides the channel's per-destination rate limit; null restores it",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitDto)
  rate_limit?: RateLimitDto | null;

  /** Send the project's failure notices here: all of them (true), or the types listed. */
  @ApiPropertyOptional({
    oneOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string', enum: [...NOTICE_TYPES] } }],
    description: "Also receive the project's failure notices: true for all, or a list of notice types",
    example: ['herald.delivery.failed'],
  })
  @IsOptional()
  @IsFailureNotice()
  failure_notice?: FailureNoticeSetting;

  /** Ready-made delivery settings instead of a hand-written retry_policy. */
  @ApiPropertyOptional({
    enum: PRESET_NAMES,
    nullable: true,
    description:
      'feishu_project: 6 s time-out, at most 3 retries (4 attempts), as Feishu Project’s webhooks; retry_policy fields still override it; null removes it',
  })
  @IsOptional()
  @IsIn(PRESET_NAMES, { message: `preset must be one of ${PRESET_NAMES.join(', ')} (or null)` })
  preset?: PresetName | null;

  @ApiPropertyOptional({
    type: FiltersDto,
    nullable: true,
    description: 'Keywords, active hours, frequency limit, dedupe window; null removes them',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FiltersDto)
  filters?: FiltersDto | null;
}

export class CreateSubscriptionDto extends SubscriptionSettingsDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: '飞书客服通知' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ minLength: 1, maxLength: 64, description: 'A channel id from GET /v1/channels', example: 'feishu' })
  @IsString()
  @Length(1, 64)
  channel: string;

  @ApiProperty({ minLength: 1, maxLength: 64, description: "One of the channel's actions", example: 'feishu_group_chat_robot' })
  @IsString()
  @Length(1, 64)
  action: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 100,
    description: 'Event types: exact, a prefix wildcard (`ticket.*`) or `*`',
    example: ['ticket.*'],
  })
  @IsEventTypes()
  event_types: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The action's settings, validated against its config_schema (GET /v1/channels)",
    example: {
      service_url: 'https://open.feishu.cn/open-apis/bot/v2/hook/xxxx',
      msg_type: 'text',
      template: '新留言 ${data.message_content} (${project.name})',
    },
  })
  @IsObject()
  config: Record<string, unknown>;
}

export class UpdateSubscriptionDto extends SubscriptionSettingsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: '飞书客服通知' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 100,
    description: 'Event types: exact, a prefix wildcard (`ticket.*`) or `*`',
    example: ['ticket.*'],
  })
  @IsOptional()
  @IsEventTypes()
  event_types?: string[];

  /** Fields to change; a field set to null is removed; secret fields left out keep their value. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Fields to change; a field set to null is removed; secret fields left out or sent back masked keep their value',
    example: { template: '工单 ${data.ticket_id}: ${data.message_content}' },
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;
}

export class RedeliverDto {
  @ApiProperty({
    format: 'date-time',
    description: 'Failed deliveries created since this time are delivered again',
    example: '2024-01-15T10:30:00Z',
  })
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time such as 2024-01-15T10:30:00Z' })
  since: string;
}
