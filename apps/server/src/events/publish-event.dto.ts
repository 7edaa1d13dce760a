import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export const MAX_EVENT_BYTES = 1024 * 1024;
export const MAX_BATCH_EVENTS = 500;
/** An event type's name: no wildcard, no spaces. */
export const EVENT_TYPE_NAME = /^[A-Za-z0-9_.:/-]{1,200}$/;

export class PublishEventDto {
  /** The publisher's idempotency key: a repeat within the project creates nothing new. */
  @ApiPropertyOptional({
    description: 'Idempotency key: a repeat within the project returns the first result with duplicate true',
    minLength: 1,
    maxLength: 200,
    example: 'order-1234-created',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  id?: string;

  @ApiProperty({ description: 'The event type subscriptions match on', pattern: '^[A-Za-z0-9_.:/-]{1,200}$', example: 'ticket.created' })
  @IsString()
  @Matches(EVENT_TYPE_NAME, { message: 'type must be 1 to 200 letters, digits or _ . : / -' })
  type: string;

  @ApiPropertyOptional({ description: 'Who published it; `api` when left out', minLength: 1, maxLength: 200, example: 'helpdesk' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  source?: string;

  @ApiPropertyOptional({
    description: 'When it happened; the time of publishing when left out',
    format: 'date-time',
    example: '2024-01-15T10:30:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'time must be an ISO 8601 date-time such as 2024-01-15T10:30:00Z' })
  time?: string;

  @ApiPropertyOptional({ description: 'What it is about', maxLength: 1000, example: 'ticket 42' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  subject?: string;

  @ApiPropertyOptional({
    description: `Any JSON, up to ${MAX_EVENT_BYTES} bytes; templates read it as \`\${data.path}\``,
    type: 'object',
    additionalProperties: true,
    example: { message_content: 'The printer is on fire', ticket_id: 42 },
  })
  @IsOptional()
  data?: unknown;
}

export class PublishBatchDto {
  @ApiProperty({ type: [PublishEventDto], minItems: 1, maxItems: MAX_BATCH_EVENTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_EVENTS, { message: `events may hold at most ${MAX_BATCH_EVENTS} events` })
  @ValidateNested({ each: true })
  @Type(() => PublishEventDto)
  events: PublishEventDto[];
}
