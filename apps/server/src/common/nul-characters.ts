import { memberPath } from './field-path.js';

const NUL = '\u0000';

/**
 * The path of the first text (or object key) in `value` holding the character U+0000, written
 * as templates write paths (`data.items[0].text`), or undefined when there is none. PostgreSQL's
 * text and jsonb cannot store that character, so it has to be refused before anything is written.
 */
export function nulCharacterPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const members: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [`${path}[${index}]`, item])
    : // A key holding NUL is reported as its member, as though the value held it.
      Object.entries(value).map(([key, item]) => [memberPath(path, key), key.includes(NUL) ? NUL : item]);
  for (const [memberAt, item] of members) {
    const found = nulCharacterPath(item, memberAt);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const NUL_REFUSAL = 'contains the character U+0000 (NUL), which cannot be stored; remove it from the text';
