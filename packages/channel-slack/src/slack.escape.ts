import { truncateChars } from '@herald/channel-sdk';

/**
 * Slack's mrkdwn escaping: `&`, `<` and `>` become entities, `&` first, and nothing else
 * changes (quotes stay as they are). Applied to event values, never to the author's own text.
 */
export function escapeMrkdwn(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const PARTIAL_ENTITY_AT_END = /&(a(m(p)?)?|l(t)?|g(t)?)?$/;

/**
 * Cuts escaped mrkdwn to `maxChars` characters, ending in `marker`, without leaving half of an
 * entity (`&am…`) that Slack would show literally.
 */
export function truncateMrkdwn(text: string, maxChars: number, marker = '…'): string {
  if (text.length <= maxChars) return text;
  const cut = truncateChars(text, maxChars, marker);
  const kept = cut.slice(0, cut.length - marker.length);
  return kept.replace(PARTIAL_ENTITY_AT_END, '') + marker;
}
