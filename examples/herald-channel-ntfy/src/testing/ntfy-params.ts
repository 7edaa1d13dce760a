import type { ReceivedRequest } from '@herald/channel-sdk/fakes';

/** The names ntfy reads each parameter under, headers first, then the query (server.go parsePublishParams). */
export const PARAM_NAMES = {
  title: ['x-title', 'title', 'ti', 't'],
  priority: ['x-priority', 'priority', 'prio', 'p'],
  tags: ['x-tags', 'tags', 'tag', 'ta'],
  click: ['x-click', 'click'],
} as const;

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
const HAS_ENCODED_WORD = /=\?[^?]+\?[BbQq]\?[^?]*\?=/;

/** A parameter as ntfy reads it: the first non-empty header (RFC 2047 decoded) or query value, trimmed. */
export function readParam(request: ReceivedRequest, names: readonly string[]): string {
  for (const name of names) {
    const value = request.headers[name];
    if (typeof value === 'string' && value.trim() !== '') return decodeHeader(value).trim();
  }
  const query = new URL(request.url, 'http://fake.ntfy').searchParams;
  for (const name of names) if (query.get(name)?.trim()) return query.get(name)!.trim();
  return '';
}

/**
 * Go keeps header bytes as they came, so raw UTF-8 arrives intact (Node reads it as Latin-1,
 * undone here); encoded words are decoded, the space between two of them dropped (RFC 2047).
 */
export function decodeHeader(value: string): string {
  const raw = Buffer.from(value, 'latin1').toString('utf8');
  if (!HAS_ENCODED_WORD.test(raw)) return raw;
  return raw.replace(/\?=\s+=\?/g, '?==?').replace(ENCODED_WORD, (_word, _charset, encoding: string, text: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    return Buffer.from(
      text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  });
}

/** ntfy's ParsePriority: empty means default (3); anything unknown is refused. */
export function parsePriority(value: string): number | undefined {
  const known: Record<string, number> = {
    '': 3,
    '1': 1,
    min: 1,
    '2': 2,
    low: 2,
    '3': 3,
    default: 3,
    '4': 4,
    high: 4,
    '5': 5,
    max: 5,
    urgent: 5,
  };
  return known[value.toLowerCase()];
}

/** Tags as ntfy splits them: by comma, trimmed, blanks dropped. */
export function parseTags(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
