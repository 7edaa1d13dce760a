import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPropertyOneOf } from '../openapi/api-property-one-of.decorator.js';
import { DESCRIPTION_SCHEMAS } from './event-type.dto.js';

/** A built-in entry (catalog named after its product) or a registered one (catalog `project`). */
export class EventTypeAnswer {
  @ApiProperty({ example: 'order.created' })
  type: string;

  @ApiProperty({ example: 'project', description: 'The built-in catalog, or `project` for the project’s own types' })
  catalog: string;

  @ApiPropertyOneOf({
    oneOf: DESCRIPTION_SCHEMAS,
    description: 'A text, or `{zh, en}`',
    nullable: true,
    example: { zh: '新订单', en: 'A new order' },
  })
  description: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'JSON Schema of `data`' })
  schema: Record<string, unknown> | null;

  @ApiProperty({ nullable: true, description: 'An example `data`' })
  example: unknown;

  @ApiPropertyOptional({ type: [String], description: 'Old names (built-in entries)' })
  legacy_names?: string[];

  @ApiPropertyOptional({ description: 'Registered types: grows on every change', example: 1 })
  version?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  created_at?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  updated_at?: Date;
}

export class EventTypeListAnswer {
  @ApiProperty({ type: [EventTypeAnswer] })
  data: EventTypeAnswer[];
}
