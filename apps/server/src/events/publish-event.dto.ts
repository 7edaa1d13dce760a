import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export const MAX_EVENT_BYTES = 1024 * 1024;
export const MAX_BATCH_EVENTS = 500;

export class PublishEventDto {
  /** The publisher's idempotency key: a repeat within the project creates nothing new. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  id?: string;

  @IsString()
  @Matches(/^[A-Za-z0-9_.:/-]{1,200}$/, { message: 'type must be 1 to 200 letters, digits or _ . : / -' })
  type: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  source?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'time must be an ISO 8601 date-time such as 2024-01-15T10:30:00Z' })
  time?: string;

  @IsOptional()
  @IsString()
  @Length(0, 1000)
  subject?: string;

  @IsOptional()
  data?: unknown;
}

export class PublishBatchDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_EVENTS, { message: `events may hold at most ${MAX_BATCH_EVENTS} events` })
  @ValidateNested({ each: true })
  @Type(() => PublishEventDto)
  events: PublishEventDto[];
}
