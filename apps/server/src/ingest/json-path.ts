/** A field path in the template syntax: names joined by dots, with `[n]` for array items (`data.items[0].id`). */
export const FIELD_PATH = /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*|\[\d+\])*$/;

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** The value at a field path, or undefined. Own properties only. */
export function valueAt(root: unknown, path: string): unknown {
  const segments = path.match(/[^.[\]]+/g) ?? [];
  let value: unknown = root;
  for (const segment of segments) {
    if (FORBIDDEN.has(segment) || typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
