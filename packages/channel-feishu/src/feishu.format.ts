import type { EventSummary } from '@herald/channel-sdk';

/** `2024-01-15 10:30:00 UTC`, or the time as given when it does not parse. */
export function formatTime(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The closing line of a default rendering: when, and from where. */
export function footerLine(summary: EventSummary): string {
  return `${formatTime(summary.time)} · ${summary.source}`;
}

/**
 * Text messages turn `<at user_id="…">` into a mention; event data must not be able to mention
 * anyone (least of all `all`). A zero-width space after `<` keeps the text as it reads.
 */
export function neutraliseAtTags(value: string): string {
  return value.replace(/<(\/?at\b)/gi, '<\u200b$1');
}

/** Card markdown reads `<…>` as tags (`<at>`, `<font>`, `<a>`); event values show them as text. */
export function escapeLarkMd(value: string): string {
  return value.replace(/</g, '&#60;').replace(/>/g, '&#62;');
}
