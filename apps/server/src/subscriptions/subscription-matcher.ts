/**
 * Event-type patterns: an exact type, a prefix wildcard (`ticket.*` matches `ticket.created` and
 * `ticket.reply.added`, not `ticket`), or `*` for everything.
 */
export const EVENT_TYPE_PATTERN = /^(\*|[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*(\.\*)?)$/;

export function matchesEventType(patterns: readonly string[], eventType: string): boolean {
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.endsWith('.*')) return eventType.startsWith(pattern.slice(0, -1));
    return pattern === eventType;
  });
}
