import { check } from 'recheck';
import { memberPath } from '../common/field-path.js';
import type { FieldError } from '../common/field-errors.js';

/** Keywords whose values are data, not schemas: a `pattern` inside them is no regular expression. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples', 'example']);
/** How long recheck may take to judge one pattern. */
const JUDGING_MS = 5_000;
/** ajv compiles patterns with the `u` flag. */
const AJV_FLAGS = 'u';

/** The regular expressions of a JSON Schema, with their paths: `pattern` values and `patternProperties` keys. */
export function schemaPatterns(schema: unknown, path = 'schema'): Array<{ field: string; source: string }> {
  if (typeof schema !== 'object' || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap((item, index) => schemaPatterns(item, `${path}[${index}]`));
  return Object.entries(schema).flatMap(([key, value]) => {
    const field = memberPath(path, key);
    if (DATA_KEYWORDS.has(key)) return [];
    if (key === 'pattern' && typeof value === 'string') return [{ field, source: value }];
    const keys =
      key === 'patternProperties' && typeof value === 'object' && value !== null
        ? Object.keys(value).map((source) => ({ field: memberPath(field, source), source }))
        : [];
    return [...keys, ...schemaPatterns(value, field)];
  });
}

/**
 * The first pattern of the schema that can backtrack catastrophically (ReDoS: exponential, or
 * polynomial of degree 3 and more, on a publisher's data), judged by recheck, with why; undefined
 * when all are safe. Quadratic patterns (`a.*b`, `\s*$`) are common and bounded by the 1 MiB
 * event, so they are let through; a pattern that cannot be judged in time is refused.
 */
export async function unsafeSchemaPattern(schema: unknown): Promise<FieldError | undefined> {
  for (const { field, source } of schemaPatterns(schema)) {
    const judged = await check(source, AJV_FLAGS, { timeout: JUDGING_MS });
    if (judged.status === 'unknown') {
      return { field, message: `could not be shown safe from catastrophic backtracking (${judged.error.kind}): simplify it` };
    }
    if (judged.status !== 'vulnerable') continue;
    if (judged.complexity.type === 'polynomial' && judged.complexity.degree < 3) continue;
    return {
      field,
      message: `can take ${judged.complexity.summary} time to match (ReDoS; a text such as ${judged.attack.pattern} makes it backtrack): rewrite it without nested or overlapping repetition, such as (a+)+`,
    };
  }
  return undefined;
}
