import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { EVENT_TYPE_NAME } from '../events/publish-event.dto.js';
import { FIELD_PATH } from './json-path.js';

export const ADAPTERS = ['alertmanager', 'feishu-project', 'generic'] as const;
export type Adapter = (typeof ADAPTERS)[number];

const PATH_MESSAGE = 'must be a field path such as event_type or data.items[0].id';

export class CreateIngestTokenDto {
  @ApiProperty({ enum: ADAPTERS, example: 'feishu-project' })
  @IsIn(ADAPTERS, { message: `adapter must be one of ${ADAPTERS.join(', ')}` })
  adapter: Adapter;

  @ApiProperty({ minLength: 1, maxLength: 200, example: '飞书项目空间' })
  @IsString()
  @Length(1, 200)
  name: string;

  /** feishu-project: the token entered in Feishu Project's webhook settings, checked against `header.token`. */
  @ApiPropertyOptional({ description: 'feishu-project only: compared with header.token', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  verification_token?: string;

  /** generic: where the event type is in the body. */
  @ApiPropertyOptional({ description: 'generic: where the type is in the body', example: 'event_type' })
  @IsOptional()
  @Matches(FIELD_PATH, { message: `type_path ${PATH_MESSAGE}` })
  type_path?: string;

  /** generic: one type for every body instead. */
  @ApiPropertyOptional({ description: 'generic: one type for every body', example: 'apipost.api.updated' })
  @IsOptional()
  @Matches(EVENT_TYPE_NAME, { message: 'type must be 1 to 200 letters, digits or _ . : / -' })
  type?: string;

  @ApiPropertyOptional({ description: 'generic: put before the type read from the body', example: 'weiyu.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:/-]{1,50}$/, { message: 'type_prefix must be 1 to 50 letters, digits or _ . : / -' })
  type_prefix?: string;

  @ApiPropertyOptional({ description: 'generic: where an idempotency id is', example: 'data.message_id' })
  @IsOptional()
  @Matches(FIELD_PATH, { message: `id_path ${PATH_MESSAGE}` })
  id_path?: string;

  @ApiPropertyOptional({ description: 'generic: where the data is (the whole body by default)', example: 'data' })
  @IsOptional()
  @Matches(FIELD_PATH, { message: `data_path ${PATH_MESSAGE}` })
  data_path?: string;

  @ApiPropertyOptional({ description: 'generic: where an ISO 8601 time is', example: 'timestamp' })
  @IsOptional()
  @Matches(FIELD_PATH, { message: `time_path ${PATH_MESSAGE}` })
  time_path?: string;

  @ApiPropertyOptional({ description: 'generic: the events’ source (the token name by default)', example: 'weiyu' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  source?: string;
}
