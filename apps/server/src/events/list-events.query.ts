import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { EVENT_TYPE_PATTERN } from '../subscriptions/subscription-matcher.js';

export class ListEventsQuery {
  @ApiPropertyOptional({ description: 'An event type, or a prefix wildcard such as `ticket.*`', example: 'ticket.*' })
  @IsOptional()
  @Matches(EVENT_TYPE_PATTERN, { message: 'type must be an event type, a prefix wildcard like "ticket.*", or "*"' })
  type?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events received at or after this time', example: '2024-01-15T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time such as 2024-01-15T10:30:00Z' })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events received before this time', example: '2024-01-16T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 date-time such as 2024-01-15T10:30:00Z' })
  until?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'The `next_cursor` of the previous page' })
  @IsOptional()
  @Matches(/^evt_[0-9a-z]{26}$/, { message: 'cursor must be the next_cursor of a previous page' })
  cursor?: string;
}
