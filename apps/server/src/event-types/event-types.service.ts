import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { builtInEntry, CATALOGS } from '../catalogs/catalogs.js';
import { badRequest } from '../common/bad-request.js';
import { EVENT_TYPE_NAME } from '../events/publish-event.dto.js';
import { EventSchemaCache, type StoredSchema } from './event-schema-cache.js';
import type { PutEventTypeDto } from './event-type.dto.js';
import { RegisteredEventType } from './event-type.entity.js';
import { compileSchema, describeFailure, schemaProblem } from './json-schema.js';
import { unsafeSchemaPattern } from './schema-patterns.js';

/** The catalog name of a project's own types in listings. */
export const PROJECT_CATALOG = 'project';

/**
 * A project's event types: the built-in catalogs plus what the project registered. A registered
 * type with a schema makes every publish of it check its `data`.
 */
@Injectable()
export class EventTypesService {
  private readonly cache = new EventSchemaCache();

  constructor(@InjectRepository(RegisteredEventType) private readonly registered: Repository<RegisteredEventType>) {}

  async list(projectId: string, catalog?: string) {
    if (catalog !== undefined && catalog !== PROJECT_CATALOG && !CATALOGS.some((known) => known.id === catalog)) {
      throw badRequest('catalog', `must be one of ${[...CATALOGS.map((known) => known.id), PROJECT_CATALOG].join(', ')}`);
    }
    const builtIn = CATALOGS.filter((known) => catalog === undefined || known.id === catalog).flatMap((known) => known.entries);
    const own =
      catalog === undefined || catalog === PROJECT_CATALOG
        ? await this.registered.find({ where: { projectId }, order: { type: 'ASC' } })
        : [];
    return [...builtIn, ...own.map(view)];
  }

  async put(projectId: string, type: string, input: PutEventTypeDto) {
    if (!EVENT_TYPE_NAME.test(type)) throw badRequest('type', 'must be 1 to 200 letters, digits or _ . : - (no wildcard)');
    const builtIn = builtInEntry(type);
    if (builtIn)
      throw new ConflictException(
        `${type} is a built-in type of the ${builtIn.catalog} catalog; register your own type under another name`,
      );
    if (input.schema !== undefined) {
      const problem = schemaProblem(input.schema);
      if (problem) throw badRequest('schema', `is not a usable JSON Schema: ${problem}`);
      const unsafe = await unsafeSchemaPattern(input.schema);
      if (unsafe) throw badRequest(unsafe.field, unsafe.message);
      if (input.example !== undefined) {
        const validate = compileSchema(input.schema);
        if (!validate(input.example)) {
          const failure = describeFailure(validate.errors, 'example');
          throw badRequest(failure.field, `${failure.message} (the example must match the schema)`);
        }
      }
    }
    const [row]: [RegisteredEventType & Record<string, unknown>] = await this.registered.query(
      `INSERT INTO event_types (project_id, type, description, schema, example, version)
       VALUES ($1, $2, $3, $4, $5, 1)
       ON CONFLICT (project_id, type) DO UPDATE SET description = excluded.description, schema = excluded.schema, example = excluded.example,
         version = event_types.version + 1, updated_at = now()
       RETURNING type, description, schema, example, version, created_at, updated_at`,
      [projectId, type, json(input.description), json(input.schema), json(input.example)],
    );
    return viewRow(row);
  }

  async remove(projectId: string, type: string): Promise<void> {
    const result = await this.registered.delete({ projectId, type });
    if (!result.affected) throw new NotFoundException(`event type ${type} is not registered in this project`);
  }

  /** The types the project registered, for telling a subscription which of its types nobody knows. */
  async registeredTypes(projectId: string): Promise<string[]> {
    const rows = await this.registered.find({ where: { projectId }, select: { type: true } });
    return rows.map((row) => row.type);
  }

  /**
   * Refuses the first event whose `data` breaks its type's registered schema, naming the path that
   * fails. The project's compiled validators are kept for its event-types version (`version`, read
   * by the publish with the subscriptions' version), and read again only when it moved on.
   */
  async checkData(projectId: string, events: ReadonlyArray<{ type: string; data?: unknown }>, version: string): Promise<void> {
    const validators = this.cache.get(projectId, version) ?? this.cache.set(projectId, version, await this.loadSchemas(projectId));
    if (validators.size === 0) return;
    for (const [index, event] of events.entries()) {
      const validate = validators.get(event.type)?.validate;
      if (!validate || validate(event.data ?? {})) continue;
      const failure = describeFailure(validate.errors);
      const field = events.length > 1 ? `events[${index}].${failure.field}` : failure.field;
      throw badRequest(field, `${failure.message} (the schema registered for ${event.type})`);
    }
  }

  private loadSchemas(projectId: string): Promise<StoredSchema[]> {
    return this.registered.query('SELECT type, version, schema FROM event_types WHERE project_id = $1 AND schema IS NOT NULL', [projectId]);
  }
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function view(entity: RegisteredEventType) {
  return {
    type: entity.type,
    catalog: PROJECT_CATALOG,
    description: entity.description ?? null,
    schema: entity.schema ?? null,
    example: entity.example ?? null,
    version: entity.version,
    created_at: entity.createdAt,
    updated_at: entity.updatedAt,
  };
}

function viewRow(row: Record<string, unknown>) {
  return {
    type: row.type,
    catalog: PROJECT_CATALOG,
    description: row.description ?? null,
    schema: row.schema ?? null,
    example: row.example ?? null,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
