const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** A member's path as templates write paths: `a.b`, or `a["odd key"]` (JSON-escaped, so a NUL shows as \u0000). */
export function memberPath(path: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}
