/** Discord's error body: `{"message", "code"}`, with `errors` (a tree per field) for 50035 and `retry_after` for 429. */
export interface DiscordErrorBody {
  message?: string;
  code?: number;
  errors?: unknown;
  retry_after?: number;
  global?: boolean;
}

const MAX_FIELD_ERRORS = 5;

/** "Invalid Form Body (50035): embeds.0.title: Must be 256 or fewer in length." — readable, bounded. */
export function describeDiscordError(body: DiscordErrorBody, status: number): string {
  const head = body.message ? `${body.message}${body.code === undefined ? '' : ` (${body.code})`}` : `HTTP ${status}`;
  const details = fieldErrors(body.errors, []).slice(0, MAX_FIELD_ERRORS);
  return details.length > 0 ? `${head}: ${details.join('; ')}` : head;
}

/** Flattens `{"embeds": {"0": {"title": {"_errors": [{"message"}]}}}}` into "embeds.0.title: message". */
function fieldErrors(tree: unknown, path: string[]): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) => {
    if (key !== '_errors') return fieldErrors(value, [...path, key]);
    const messages = Array.isArray(value) ? value.map((error) => String((error as { message?: unknown })?.message ?? error)) : [];
    return messages.length > 0 ? [`${path.join('.') || 'body'}: ${messages.join(' ')}`] : [];
  });
}
