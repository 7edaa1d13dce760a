import { builtInTypes, isBuiltInType } from '../catalogs/catalogs.js';

export interface Warning {
  field: string;
  message: string;
}

/**
 * Entries of `event_types` that no built-in catalog and no registration of the project knows.
 * They are kept (publishers often come first), and the answer says so.
 */
export function unknownEventTypeWarnings(patterns: readonly string[], registered: readonly string[]): Warning[] {
  const own = new Set(registered);
  const everything = [...builtInTypes(), ...registered];
  return patterns.flatMap((pattern, index) => {
    if (pattern === '*') return [];
    if (pattern.endsWith('.*')) {
      const prefix = pattern.slice(0, -1);
      if (everything.some((type) => type.startsWith(prefix))) return [];
      return [
        {
          field: `event_types[${index}]`,
          message: `no known event type starts with "${prefix}" (kept; register types with PUT /v1/event-types/:type)`,
        },
      ];
    }
    if (own.has(pattern) || isBuiltInType(pattern)) return [];
    return [
      {
        field: `event_types[${index}]`,
        message: `"${pattern}" is in no catalog and not registered in this project (kept; register it with PUT /v1/event-types/${pattern})`,
      },
    ];
  });
}
