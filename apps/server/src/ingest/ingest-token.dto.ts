import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { EVENT_TYPE_NAME } from '../events/publish-event.dto.js';
import { FIELD_PATH } from './json-path.js';

export const ADAPTERS = ['alertmanager', 'feishu-project', 'generic'] as const;
export type Adapter = (typeof ADAPTERS)[number];

const PATH_MESSAGE = 'must be a field path such as event_type or data.items[0].id';

export class CreateIngestTokenDto {
  @IsIn(ADAPTERS, { message: `adapter must be one of ${ADAPTERS.join(', ')}` })
  adapter: Adapter;

  @IsString()
  @Length(1, 200)
  name: string;

  /** feishu-project: the token entered in Feishu Project's webhook settings, checked against `header.token`. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  verification_token?: string;

  /** generic: where the event type is in the body. */
  @IsOptional()
  @Matches(FIELD_PATH, { message: `type_path ${PATH_MESSAGE}` })
  type_path?: string;

  /** generic: one type for every body instead. */
  @IsOptional()
  @Matches(EVENT_TYPE_NAME, { message: 'type must be 1 to 200 letters, digits or _ . : / -' })
  type?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:/-]{1,50}$/, { message: 'type_prefix must be 1 to 50 letters, digits or _ . : / -' })
  type_prefix?: string;

  @IsOptional()
  @Matches(FIELD_PATH, { message: `id_path ${PATH_MESSAGE}` })
  id_path?: string;

  @IsOptional()
  @Matches(FIELD_PATH, { message: `data_path ${PATH_MESSAGE}` })
  data_path?: string;

  @IsOptional()
  @Matches(FIELD_PATH, { message: `time_path ${PATH_MESSAGE}` })
  time_path?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  source?: string;
}
