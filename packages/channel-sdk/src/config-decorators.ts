import type * as ClassValidator from 'class-validator';
import type * as ClassValidatorJsonSchema from 'class-validator-jsonschema';
import { createRequire } from 'node:module';

// A plain require: importing CommonJS files from ESM costs a parse of each for its export names.
const load = createRequire(import.meta.url);

/**
 * The class-validator decorators channel configs use, loaded one file each rather than through
 * class-validator's entry point, which loads all of its decorators, validator.js and
 * libphonenumber-js: a script that sends one message starts that much faster. They are the very
 * functions `class-validator` exports (same files, same metadata storage), so importing them from
 * either place gives the same validation and the same messages.
 */
export const ArrayMaxSize = load('class-validator/cjs/decorator/array/ArrayMaxSize.js').ArrayMaxSize as typeof ClassValidator.ArrayMaxSize;
export const ArrayMinSize = load('class-validator/cjs/decorator/array/ArrayMinSize.js').ArrayMinSize as typeof ClassValidator.ArrayMinSize;
export const IsArray = load('class-validator/cjs/decorator/typechecker/IsArray.js').IsArray as typeof ClassValidator.IsArray;
export const IsBoolean = load('class-validator/cjs/decorator/typechecker/IsBoolean.js').IsBoolean as typeof ClassValidator.IsBoolean;
export const IsDefined = load('class-validator/cjs/decorator/common/IsDefined.js').IsDefined as typeof ClassValidator.IsDefined;
export const IsIn = load('class-validator/cjs/decorator/common/IsIn.js').IsIn as typeof ClassValidator.IsIn;
export const IsInt = load('class-validator/cjs/decorator/typechecker/IsInt.js').IsInt as typeof ClassValidator.IsInt;
export const IsISO8601 = load('class-validator/cjs/decorator/string/IsISO8601.js').IsISO8601 as typeof ClassValidator.IsISO8601;
export const IsNotEmpty = load('class-validator/cjs/decorator/common/IsNotEmpty.js').IsNotEmpty as typeof ClassValidator.IsNotEmpty;
export const IsNumber = load('class-validator/cjs/decorator/typechecker/IsNumber.js').IsNumber as typeof ClassValidator.IsNumber;
export const IsOptional = load('class-validator/cjs/decorator/common/IsOptional.js').IsOptional as typeof ClassValidator.IsOptional;
export const IsString = load('class-validator/cjs/decorator/typechecker/IsString.js').IsString as typeof ClassValidator.IsString;
export const Length = load('class-validator/cjs/decorator/string/Length.js').Length as typeof ClassValidator.Length;
export const Matches = load('class-validator/cjs/decorator/string/Matches.js').Matches as typeof ClassValidator.Matches;
export const Max = load('class-validator/cjs/decorator/number/Max.js').Max as typeof ClassValidator.Max;
export const MaxLength = load('class-validator/cjs/decorator/string/MaxLength.js').MaxLength as typeof ClassValidator.MaxLength;
export const Min = load('class-validator/cjs/decorator/number/Min.js').Min as typeof ClassValidator.Min;
export const MinLength = load('class-validator/cjs/decorator/string/MinLength.js').MinLength as typeof ClassValidator.MinLength;
export const ValidateBy = load('class-validator/cjs/decorator/common/ValidateBy.js').ValidateBy as typeof ClassValidator.ValidateBy;
export const ValidateIf = load('class-validator/cjs/decorator/common/ValidateIf.js').ValidateIf as typeof ClassValidator.ValidateIf;
export const ValidateNested = load('class-validator/cjs/decorator/common/ValidateNested.js')
  .ValidateNested as typeof ClassValidator.ValidateNested;

/** class-validator-jsonschema's `@JSONSchema` (its decorator file only; the converters load when a schema is asked for). */
export const JSONSchema = load('class-validator-jsonschema/build/decorators.js').JSONSchema as typeof ClassValidatorJsonSchema.JSONSchema;
