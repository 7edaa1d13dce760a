import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType } from '../api/types';

/**
 * 触发事件: the catalog's event types grouped by catalog, a `<catalog>.*` wildcard per catalog, and
 * free entry for anything else (`ticket.*`, `*`).
 */
export function EventPicker({
  id,
  value,
  onChange,
  eventTypes,
}: {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  eventTypes: EventType[];
}) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => {
    const catalogs = new Map<string, EventType[]>();
    for (const entry of eventTypes) catalogs.set(entry.catalog, [...(catalogs.get(entry.catalog) ?? []), entry]);
    return [
      { label: t('events.everything'), options: [{ value: '*', label: `* — ${t('events.all')}` }] },
      ...[...catalogs.entries()].map(([catalog, entries]) => ({
        label: catalog,
        options: [
          ...wildcardsOf(entries).map((prefix) => ({ value: `${prefix}.*`, label: `${prefix}.* — ${t('events.prefix')}` })),
          ...entries.map((entry) => {
            const description = describe(entry.description, i18n.resolvedLanguage === 'zh' ? 'zh' : 'en');
            return { value: entry.type, label: description ? `${entry.type} — ${description}` : entry.type };
          }),
        ],
      })),
    ];
  }, [eventTypes, t, i18n.resolvedLanguage]);
  return (
    <Select
      id={id}
      mode="tags"
      value={value}
      onChange={onChange}
      options={options}
      tokenSeparators={[',', ' ']}
      placeholder={t('events.placeholder')}
      optionFilterProp="value"
    />
  );
}

function describe(description: EventType['description'], language: 'zh' | 'en'): string | undefined {
  if (!description) return undefined;
  if (typeof description === 'string') return description;
  return description[language] ?? description.en ?? description.zh;
}

/** The shared prefixes of a catalog's types (`feishu_project` of `feishu_project.WorkitemCreateEvent`). */
function wildcardsOf(entries: EventType[]): string[] {
  const prefixes = new Set<string>();
  for (const entry of entries) {
    const dot = entry.type.lastIndexOf('.');
    if (dot > 0) prefixes.add(entry.type.slice(0, dot));
  }
  return [...prefixes];
}
