import type { ValidateFunction } from 'ajv';
import { compileSchema, type JsonSchema } from './json-schema.js';

/**
 * Compiled validators of registered schemas, one per project, type and version: a schema is
 * compiled once per process and again only when its version moved on (another replica changed it).
 */
export class EventSchemaCache {
  private readonly validators = new Map<string, { version: number; validate: ValidateFunction }>();

  constructor(private readonly maxEntries = 5_000) {}

  /** The validator of this version, if compiled already. */
  get(projectId: string, type: string, version: number): ValidateFunction | undefined {
    const cached = this.validators.get(key(projectId, type));
    return cached?.version === version ? cached.validate : undefined;
  }

  compile(projectId: string, type: string, version: number, schema: JsonSchema): ValidateFunction {
    const validate = compileSchema(schema);
    if (this.validators.size >= this.maxEntries) this.validators.delete(this.validators.keys().next().value!);
    this.validators.set(key(projectId, type), { version, validate });
    return validate;
  }

  forget(projectId: string, type: string): void {
    this.validators.delete(key(projectId, type));
  }
}

function key(projectId: string, type: string): string {
  return `${projectId}\u0000${type}`;
}
