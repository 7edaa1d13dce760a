import type { JsonSchema } from '../event-types/json-schema.js';

/** A text in the two languages the catalogs are read in. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One event type a catalog knows: what it means, the JSON Schema of its `data`, and an example `data`. */
export interface CatalogEntry {
  type: string;
  catalog: string;
  description: Bilingual;
  schema: JsonSchema;
  example: unknown;
  /** Earlier names of the same event in the source product (Feishu Project's old webhook names). */
  legacy_names?: string[];
}

/** A built-in catalog: the events of one source product, or Herald's own notices. */
export interface Catalog {
  id: string;
  name: Bilingual;
  /** Where the entries come from. */
  source: string;
  entries: CatalogEntry[];
}

/** Schema helpers that keep the catalog files short. Unknown fields stay allowed: products add fields. */
export const string = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
export const integer = (description?: string): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}) });
export const number = (description?: string): JsonSchema => ({ type: 'number', ...(description ? { description } : {}) });
export const boolean = (description?: string): JsonSchema => ({ type: 'boolean', ...(description ? { description } : {}) });
export const arrayOf = (items: JsonSchema, description?: string): JsonSchema => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});
export const anyValue = (description?: string): JsonSchema => (description ? { description } : {});

export function object(properties: Record<string, JsonSchema>, required: string[] = [], description?: string): JsonSchema {
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...(description ? { description } : {}) };
}
