import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';

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
  const instance = plainToInstance(configClass, raw);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
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

/** The JSON Schema of a config class, with secret fields marked `writeOnly`. */
export function configClassToSchema(configClass: new () => object, secretFields: readonly string[]): JsonSchema {
  const schema = targetConstructorToSchema(configClass) as JsonSchema & { properties?: Record<string, JsonSchema> };
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [
      name,
      secretFields.includes(name) ? { ...property, writeOnly: true } : property,
    ]),
  );
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...schema, properties, additionalProperties: false };
}
