/** Masking of what may carry credentials before anything is logged or stored. */
const MASK = '***';
const TOKEN_LIKE_SEGMENT_LENGTH = 16;
const HARMLESS_HEADERS = new Set([
  'accept',
  'content-type',
  'content-length',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'x-herald-event',
  'x-herald-delivery',
]);

/** Keeps scheme, host and the shape of the path; masks user info, query values and token-like segments. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return MASK;
  }
  const path = url.pathname
    .split('/')
    .map((segment) => (isTokenLike(segment) ? MASK : segment))
    .join('/');
  const query = [...url.searchParams.keys()].map((name) => `${name}=${MASK}`).join('&');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

/** A URL path segment long enough to be a credential (a bot token, a webhook secret). */
export function isTokenLike(segment: string): boolean {
  return segment.length >= TOKEN_LIKE_SEGMENT_LENGTH;
}

export function redactHeaders(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, HARMLESS_HEADERS.has(name.toLowerCase()) ? value : MASK]),
  );
}

/** Replaces every occurrence of each secret value in `text`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((current, secret) => current.split(secret).join(MASK), text);
}

/** The start of a text, at most `maxChars` characters, marked when cut. */
export function excerpt(text: string, maxChars = 1024): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}…[${text.length - maxChars} more]`;
}

/** Cuts a string to at most `maxBytes` UTF-8 bytes, on a character boundary, ending in `marker`. */
export function truncateUtf8(text: string, maxBytes: number, marker = '…'): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(marker);
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character);
    if (bytes + size > budget) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end) + marker;
}

/** Cuts a string to at most `maxChars` UTF-16 code units without splitting a surrogate pair. */
export function truncateChars(text: string, maxChars: number, marker = '…'): string {
  if (text.length <= maxChars) return text;
  let end = maxChars - marker.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}
