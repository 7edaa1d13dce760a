import type { ValidateFunction } from 'ajv';
import { compileSchema, type JsonSchema } from './json-schema.js';

/** A registered schema as stored: its type and the version it is at. */
export interface StoredSchema {
  type: string;
  version: number;
  schema: JsonSchema;
}

interface ProjectSchemas {
  /** The project's `event_types_version` these validators were built at. */
  version: string;
  validators: Map<string, { version: number; validate: ValidateFunction }>;
}

/**
 * Compiled validators of each project's registered schemas, kept for the project's event-types
 * version: when the version moved on (a type registered, changed or removed, through any replica),
 * the project's schemas are read again and only those whose own version changed are compiled again.
 * The least recently used projects are dropped beyond `maxProjects`.
 */
export class EventSchemaCache {
  private readonly projects = new Map<string, ProjectSchemas>();

  constructor(private readonly maxProjects = 256) {}

  /** The project's validators by type, if built at this version. */
  get(projectId: string, version: string): ReadonlyMap<string, { validate: ValidateFunction }> | undefined {
    const cached = this.projects.get(projectId);
    if (cached?.version !== version) return undefined;
    this.projects.delete(projectId);
    this.projects.set(projectId, cached);
    return cached.validators;
  }

  /** Builds the project's validators at `version` from its stored schemas, reusing those compiled at the same schema version. */
  set(projectId: string, version: string, schemas: readonly StoredSchema[]): ReadonlyMap<string, { validate: ValidateFunction }> {
    const previous = this.projects.get(projectId)?.validators;
    const validators = new Map(
      schemas.map(({ type, version: schemaVersion, schema }) => {
        const reused = previous?.get(type);
        const validate = reused?.version === schemaVersion ? reused.validate : compileSchema(schema);
        return [type, { version: schemaVersion, validate }] as const;
      }),
    );
    this.projects.delete(projectId);
    if (this.projects.size >= this.maxProjects) this.projects.delete(this.projects.keys().next().value!);
    this.projects.set(projectId, { version, validators });
    return validators;
  }
}
