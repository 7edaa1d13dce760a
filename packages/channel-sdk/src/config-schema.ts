import { createRequire } from 'node:module';
import type { ClassTransformer as ClassTransformerType } from 'class-transformer';
import type { getFromContainer as getFromContainerType, ValidationError, Validator as ValidatorType } from 'class-validator';
import type * as ClassValidatorJsonSchema from 'class-validator-jsonschema';

/*
 * What `plainToInstance` and `validateSync` of the packages' entry points do, from the files that
 * do it: the entry points also load every decorator, validator.js and libphonenumber-js, which a
 * script sending one message does not need.
 */
const load = createRequire(import.meta.url);
// Decorated config classes may rely on the Reflect metadata API, as they did when the SDK imported it.
load('reflect-metadata');
const { ClassTransformer } = load('class-transformer/cjs/ClassTransformer.js') as { ClassTransformer: typeof ClassTransformerType };
const { getFromContainer } = load('class-validator/cjs/container.js') as { getFromContainer: typeof getFromContainerType };
const { Validator } = load('class-validator/cjs/validation/Validator.js') as { Validator: typeof ValidatorType };
const classTransformer = new ClassTransformer();

/** One problem with a config: which field, and why, in words a user understands. */
export interface ConfigIssue {
  field: string;
  message: string;
}

export type ConfigParseResult<C> = { ok: true; config: C } | { ok: false; issues: ConfigIssue[] };

export type JsonSchema = Record<string, unknown>;

/** Validates a plain object against a class-validator class; unknown fields are refused. */
export function parseWithClass<C extends object>(configClass: new () => C, raw: unknown): ConfigParseResult<C> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ field: 'config', message: 'config must be a JSON object' }] };
  }
  const instance = classTransformer.plainToInstance(configClass, raw);
  const errors = getFromContainer(Validator).validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) return { ok: false, issues: errors.flatMap((error) => flattenError(error, '')) };
  return { ok: true, config: instance };
}

function flattenError(error: ValidationError, prefix: string): ConfigIssue[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({
    field,
    message: message === `property ${error.property} should not exist` ? `${field} is not a field of this action` : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => flattenError(child, field))];
}

/**
 * The JSON Schema of a config class, with secret fields marked `writeOnly`. class-validator-jsonschema
 * (and with it all of class-validator) loads on the first call, not when a message is sent.
 */
export function configClassToSchema(configClass: new () => object, secretFields: readonly string[]): JsonSchema {
  const { targetConstructorToSchema } = load('class-validator-jsonschema') as typeof ClassValidatorJsonSchema;
  const schema = targetConstructorToSchema(configClass) as JsonSchema & { properties?: Record<string, JsonSchema> };
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [
      name,
      secretFields.includes(name) ? { ...property, writeOnly: true } : property,
    ]),
  );
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...schema, properties, additionalProperties: false };
}
