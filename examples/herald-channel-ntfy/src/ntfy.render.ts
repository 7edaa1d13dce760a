import { renderTemplate, summarizeEvent, truncateUtf8, type MessageContext } from '@herald/channel-sdk';
import type { NtfyTopicConfig } from './ntfy.config.js';

/** ntfy's message limit: a longer body becomes an attachment, or is refused with 413. */
export const MESSAGE_LIMIT_BYTES = 4096;
/** Herald's bound on the title header; proxies refuse large headers. */
export const TITLE_LIMIT_BYTES = 1024;
/** Ends every text Herald had to cut, so a reader sees that something is missing. */
export const TRUNCATION_MARKER = '…';

const CLICK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** What one publish carries: the title header, the plain-text body and, when set, the click URL. */
export interface NtfyMessage {
  title: string;
  body: string;
  click?: string;
  /** The body was cut to MESSAGE_LIMIT_BYTES. */
  truncated: boolean;
}

export function renderNtfyMessage(config: NtfyTopicConfig, message: MessageContext): NtfyMessage {
  const full = config.template ? renderTemplate(config.template, message) : defaultBody(message);
  const body = truncateUtf8(full, MESSAGE_LIMIT_BYTES, TRUNCATION_MARKER);
  const title = config.title_template ? renderTemplate(config.title_template, message) : summarizeEvent(message).title;
  const click = clickUrl(config.click_template, message);
  return {
    title: truncateUtf8(oneLine(title), TITLE_LIMIT_BYTES, TRUNCATION_MARKER),
    body,
    ...(click === undefined ? {} : { click }),
    truncated: body !== full,
  };
}

/** One "name: value" line per field of the event (at most 10, values cut at 300 characters), then the time. */
export function defaultBody(message: MessageContext): string {
  const summary = summarizeEvent(message);
  return [...summary.fields.map((field) => `${field.name}: ${field.value}`), `time: ${summary.time}`].join('\n');
}

/** A header is one line: control characters and line breaks become single spaces. */
export function oneLine(text: string): string {
  return text
    .replace(/[\x00-\x1f\x7f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The rendered click URL, normalised to ASCII, or undefined when it renders to no http(s) or mailto URL. */
export function clickUrl(template: string | undefined, message: MessageContext): string | undefined {
  if (!template) return undefined;
  const rendered = oneLine(renderTemplate(template, message));
  if (!URL.canParse(rendered)) return undefined;
  const url = new URL(rendered);
  return CLICK_SCHEMES.has(url.protocol) ? url.href : undefined;
}
