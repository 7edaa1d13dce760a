import { alertmanagerCatalog } from './alertmanager.catalog.js';
import { apipostCatalog } from './apipost.catalog.js';
import type { Catalog, CatalogEntry } from './catalog-entry.js';
import { codingCatalog } from './coding.catalog.js';
import { feishuProjectCatalog } from './feishu-project.catalog.js';
import { heraldCatalog } from './herald.catalog.js';
import { weiyuCatalog } from './weiyu.catalog.js';

/** Every built-in catalog, in the order the API lists them. */
export const CATALOGS: readonly Catalog[] = [
  feishuProjectCatalog,
  weiyuCatalog,
  codingCatalog,
  apipostCatalog,
  alertmanagerCatalog,
  heraldCatalog,
];

const byType = new Map<string, CatalogEntry>(CATALOGS.flatMap((catalog) => catalog.entries.map((entry) => [entry.type, entry] as const)));

/** Old Feishu Project names (`feishu_project.StoryCreated`) are known too, as the types they became. */
const legacyTypes = new Set(
  CATALOGS.flatMap((catalog) =>
    catalog.entries.flatMap((entry) => (entry.legacy_names ?? []).map((name) => `${catalog.id}.${name.replace(/-\{[^}]+\}$/, '-')}`)),
  ),
);

export function builtInEntry(type: string): CatalogEntry | undefined {
  return byType.get(type);
}

/** Whether a catalog knows the type, by its name or an old name of it (a `-{type}` suffix matches any). */
export function isBuiltInType(type: string): boolean {
  if (byType.has(type)) return true;
  const dash = type.indexOf('-');
  return legacyTypes.has(dash === -1 ? type : type.slice(0, dash + 1));
}

export function builtInTypes(): string[] {
  return [...byType.keys()];
}
