import { ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPropertyOneOf } from '../openapi/api-property-one-of.decorator.js';
import { IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';

/** A description: a text of up to 2000 characters, or `{zh, en}` with such texts. */
function IsDescription(options?: ValidationOptions): PropertyDecorator {
  const text = (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= 2000;
  return ValidateBy(
    {
      name: 'isDescription',
      validator: {
        validate: (value: unknown) => {
          if (text(value)) return true;
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return entries.length > 0 && entries.every(([language, content]) => (language === 'zh' || language === 'en') && text(content));
        },
        defaultMessage: () => 'description must be a text of 1 to 2000 characters, or {"zh": …, "en": …} with such texts',
      },
    },
    options,
  );
}

/** What a description may be: a text, or the same in Chinese and English (either or both). */
export const DESCRIPTION_SCHEMAS = [
  { type: 'string', minLength: 1, maxLength: 2000 },
  {
    type: 'object',
    properties: { zh: { type: 'string', minLength: 1, maxLength: 2000 }, en: { type: 'string', minLength: 1, maxLength: 2000 } },
    additionalProperties: false,
    minProperties: 1,
  },
];

/** Registers or describes one event type of the project; fields left out are removed. */
export class PutEventTypeDto {
  @ApiPropertyOneOf({
    oneOf: DESCRIPTION_SCHEMAS,
    required: false,
    description: 'A text of 1 to 2000 characters, or `{zh, en}`',
    example: { zh: '新订单', en: 'A new order' },
  })
  @IsOptional()
  @IsDescription()
  description?: string | { zh?: string; en?: string };

  /** The JSON Schema (draft-07, or 2020-12 when `$schema` says so) every published `data` of this type must match. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { type: 'object', required: ['order_id'], properties: { order_id: { type: 'string' } } },
  })
  @IsOptional()
  schema?: Record<string, unknown>;

  /** An example `data`; it must match the schema. */
  @ApiPropertyOptional({ example: { order_id: 'o-1' } })
  @IsOptional()
  example?: unknown;
}
