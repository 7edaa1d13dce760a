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
      validate: (value, args) => value !== (args?.object as Record<string, unknown>)[other],
      defaultMessage: (args) => `${args?.property} must differ from ${other}: a window from a time to the same time is empty`,
    },
  });
}

export class ActiveHoursDto {
  @Matches(TIME, { message: 'start must be a time HH:MM (24-hour), such as 09:00' })
  start: string;

  @Matches(TIME, { message: 'end must be a time HH:MM (24-hour), such as 18:00 (before start for a window over midnight)' })
  @DiffersFrom('start')
  end: string;

  @IsTimeZone()
  time_zone: string;

  /** The days a window starts on; a window over midnight runs into the next day. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique({ message: 'days must not repeat a day' })
  @IsIsoWeekday()
  days?: number[];

  @IsIn(['hold', 'drop'], { message: 'outside must be hold (deliver when the window opens) or drop' })
  outside: 'hold' | 'drop';
}

export class FrequencyLimitDto {
  @IsInt()
  @Min(1)
  @Max(100_000)
  max: number;

  @IsInt()
  @Min(1)
  @Max(DAY_SECONDS)
  per_seconds: number;
}

/** Optional per-subscription filters; see subscription-filters.ts for what each does. */
export class FiltersDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsKeyword()
  keywords?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsFieldPath()
  keyword_fields?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => ActiveHoursDto)
  active_hours?: ActiveHoursDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => FrequencyLimitDto)
  frequency_limit?: FrequencyLimitDto;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(DAY_SECONDS)
  dedupe_window_seconds?: number;
}
