import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { FiltersDto } from './subscription-filters.dto.js';
import { EVENT_TYPE_PATTERN } from './subscription-matcher.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export class RetryPolicyDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  max_attempts?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(DAY_MS)
  initial_delay_ms?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(DAY_MS)
  max_delay_ms?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  timeout_ms?: number;
}

export class RateLimitDto {
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  max: number;

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
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => RetryPolicyDto)
  retry_policy?: RetryPolicyDto | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitDto)
  rate_limit?: RateLimitDto | null;

  /** Send the project's failure notices (a subscription paused or disabled by Herald) here. */
  @IsOptional()
  @IsBoolean()
  failure_notice?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => FiltersDto)
  filters?: FiltersDto | null;
}

export class CreateSubscriptionDto extends SubscriptionSettingsDto {
  @IsString()
  @Length(1, 200)
  name: string;

  @IsString()
  @Length(1, 64)
  channel: string;

  @IsString()
  @Length(1, 64)
  action: string;

  @IsEventTypes()
  event_types: string[];

  @IsObject()
  config: Record<string, unknown>;
}

export class UpdateSubscriptionDto extends SubscriptionSettingsDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @IsEventTypes()
  event_types?: string[];

  /** Fields to change; a field set to null is removed; secret fields left out keep their value. */
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;
}

export class RedeliverDto {
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time such as 2024-01-15T10:30:00Z' })
  since: string;
}
