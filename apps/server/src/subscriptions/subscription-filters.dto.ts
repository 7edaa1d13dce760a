import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { templateSyntaxProblem } from '@herald/channel-sdk';

// Messages start with the field's own name: the server's validation pipe writes the full path
// there (`filters.active_hours.time_zone must be …`).

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY_SECONDS = 86_400;

function IsKeyword(): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKeyword',
      validator: {
        validate: (value) => typeof value === 'string' && [...value].length <= 100 && value.trim() !== '',
        defaultMessage: (args) => `${args?.property} must hold words of 1 to 100 characters, not blank`,
      },
    },
    { each: true },
  );
}

/** A path as templates read it (`data.title`, `data.items[0].name`), with nothing around it. */
function IsFieldPath(): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFieldPath',
      validator: {
        validate: (value) =>
          typeof value === 'string' && value.length <= 200 && !/[\s{}]/.test(value) && templateSyntaxProblem(`\${${value}}`) === undefined,
        defaultMessage: (args) => `${args?.property} must hold paths such as data.title, data.items[0].name or event.subject`,
      },
    },
    { each: true },
  );
}

function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value) => typeof value === 'string' && timeZoneExists(value),
      defaultMessage: (args) => `${args?.property} must be an IANA time zone such as Asia/Shanghai`,
    },
  });
}

function timeZoneExists(name: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function IsIsoWeekday(): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoWeekday',
      validator: {
        validate: (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 7,
        defaultMessage: (args) => `${args?.property} must be ISO weekdays, 1 (Monday) to 7 (Sunday)`,
      },
    },
    { each: true },
  );
}

function DiffersFrom(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'differsFrom',
    validator: {
      validate: (value, args) => value !== (args?.object as Record<string, unknown> | undefined)?.[other],
      defaultMessage: (args) => `${args?.property} must differ from ${other}: a window from a time to the same time is empty`,
    },
  });
}

export class ActiveHoursDto {
  @ApiProperty({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Start of the window, HH:MM', example: '09:00' })
  @Matches(TIME, { message: 'start must be a time HH:MM (24-hour), such as 09:00' })
  start: string;

  @ApiProperty({
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    description: 'End of the window, HH:MM; before start for a window over midnight',
    example: '18:00',
  })
  @Matches(TIME, { message: 'end must be a time HH:MM (24-hour), such as 18:00 (before start for a window over midnight)' })
  @DiffersFrom('start')
  end: string;

  @ApiProperty({ description: 'IANA time zone', example: 'Asia/Shanghai' })
  @IsTimeZone()
  time_zone: string;

  /** The days a window starts on; a window over midnight runs into the next day. */
  @ApiPropertyOptional({
    type: [Number],
    minItems: 1,
    maxItems: 7,
    description: 'ISO weekdays the window starts on, 1 (Monday) to 7; every day when left out',
    example: [1, 2, 3, 4, 5],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique({ message: 'days must not repeat a day' })
  @IsIsoWeekday()
  days?: number[];

  @ApiProperty({ enum: ['hold', 'drop'], description: 'Outside the window: hold (deliver when it opens) or drop' })
  @IsIn(['hold', 'drop'], { message: 'outside must be hold (deliver when the window opens) or drop' })
  outside: 'hold' | 'drop';
}

export class FrequencyLimitDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 100_000,
    description: 'Deliveries allowed per window; more are skipped',
    example: 10,
  })
  @IsInt()
  @Min(1)
  @Max(100_000)
  max: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: DAY_SECONDS, example: 3600 })
  @IsInt()
  @Min(1)
  @Max(DAY_SECONDS)
  per_seconds: number;
}

/** Optional per-subscription filters; see subscription-filters.ts for what each does. */
export class FiltersDto {
  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 50,
    description: 'Deliver only when one of these words appears',
    example: ['urgent', '紧急'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsKeyword()
  keywords?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'Where to look for the keywords; the whole event when left out',
    example: ['data.title'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsFieldPath()
  keyword_fields?: string[];

  @ApiPropertyOptional({ type: ActiveHoursDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActiveHoursDto)
  active_hours?: ActiveHoursDto;

  @ApiPropertyOptional({ type: FrequencyLimitDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FrequencyLimitDto)
  frequency_limit?: FrequencyLimitDto;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: DAY_SECONDS,
    description: 'Skip a message identical to one sent within this many seconds',
    example: 600,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(DAY_SECONDS)
  dedupe_window_seconds?: number;
}
