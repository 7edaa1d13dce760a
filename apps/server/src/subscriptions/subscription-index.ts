/** What the index needs of a subscription: its id (for a stable order) and its event-type patterns. */
export interface IndexedSubscription {
  id: string;
  eventTypes: readonly string[];
}

/**
 * The subscriptions of a project by event-type pattern, for matching without a scan: exact types
 * in one map, prefix wildcards (`ticket.*`) in a map keyed by the prefix up to its dot (an event
 * type is looked up at each of its dots), `*` in a list. Same answers as `matchesEventType`.
 */
export class SubscriptionIndex<T extends IndexedSubscription> {
  private readonly exact = new Map<string, T[]>();
  private readonly prefixes = new Map<string, T[]>();
  private readonly everything: T[] = [];

  constructor(subscriptions: Iterable<T>) {
    for (const subscription of subscriptions) {
      for (const pattern of new Set(subscription.eventTypes)) {
        if (pattern === '*') this.everything.push(subscription);
        else if (pattern.endsWith('.*')) append(this.prefixes, pattern.slice(0, -1), subscription);
        else append(this.exact, pattern, subscription);
      }
    }
  }

  /** The subscriptions whose patterns match `eventType`, each once, by id. */
  match(eventType: string): T[] {
    const found = new Set<T>(this.everything);
    for (const subscription of this.exact.get(eventType) ?? []) found.add(subscription);
    for (let dot = eventType.indexOf('.'); dot !== -1; dot = eventType.indexOf('.', dot + 1)) {
      for (const subscription of this.prefixes.get(eventType.slice(0, dot + 1)) ?? []) found.add(subscription);
    }
    return [...found].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
