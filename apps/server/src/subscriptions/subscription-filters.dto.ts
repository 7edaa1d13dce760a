import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { templateSyntaxProblem } from '@herald/channel-sdk';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

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
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function IsFieldPath(): PropertyDecorator {
  return ValidateBy({
    name: 'isFieldPath',
    validator: {
      validate: (value) => typeof value === 'string' && /^[\w.[\]]{1,200}$/.test(value) && templateSyntaxProblem(`\${${value}}`) === undefined,
      defaultMessage: (args) => `each ${args?.property} entry must be a path such as data.title or event.subject`,
    },
  }, { each: true });
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
  @Matches(TIME, { message: 'start must be a time HH:MM, such as 09:00' })
  start: string;

  @Matches(TIME, { message: 'end must be a time HH:MM, such as 18:00 (before start for a window over midnight)' })
  @DiffersFrom('start')
  end: string;

  @IsTimeZone()
  time_zone: string;

  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @ArrayUnique({ message: 'days must not repeat a day' })
  @IsInt({ each: true, message: 'days must be ISO weekdays, 1 (Monday) to 7 (Sunday)' })
  @Min(1, { each: true, message: 'days must be ISO weekdays, 1 (Monday) to 7 (Sunday)' })
  @Max(7, { each: true, message: 'days must be ISO weekdays, 1 (Monday) to 7 (Sunday)' })
  days?: number[];

  @IsIn(['hold', 'drop'], { message: 'outside must be hold (deliver when the window opens) or drop' })
  outside: 'hold' | 'drop';
}

export class FrequencyLimitDto {
  @IsInt() @Min(1) @Max(100_000)
  max: number;

  @IsInt() @Min(1) @Max(86_400)
  per_seconds: number;
}

/** Optional per-subscription filters; see subscription-filters.ts for what each does. */
export class FiltersDto {
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @Length(1, 100, { each: true, message: 'each keywords entry must be 1 to 100 characters' })
  keywords?: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsFieldPath()
  keyword_fields?: string[];

  @IsOptional() @ValidateNested() @Type(() => ActiveHoursDto)
  active_hours?: ActiveHoursDto;

  @IsOptional() @ValidateNested() @Type(() => FrequencyLimitDto)
  frequency_limit?: FrequencyLimitDto;

  @IsOptional() @IsInt() @Min(1) @Max(86_400)
  dedupe_window_seconds?: number;
}
