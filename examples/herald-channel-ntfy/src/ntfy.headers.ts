import type { NtfyTopicConfig } from './ntfy.config.js';
import { NTFY_PRIORITIES } from './ntfy.config.js';
import type { NtfyMessage } from './ntfy.render.js';

const USER_AGENT = 'herald-channel-ntfy/0.1';
/** At most 45 bytes a word: base64 of 45 bytes is 60 characters, within RFC 2047's 75 per encoded word. */
const WORD_BYTES = 45;

/**
 * A header value as ntfy reads it: plain ASCII as is; anything else as RFC 2047 encoded words
 * (`=?UTF-8?B?…?=`), which ntfy decodes. HTTP headers cannot carry UTF-8 reliably, and fetch
 * refuses characters beyond Latin-1 outright. ASCII that looks like an encoded word is encoded too.
 */
export function encodeHeaderValue(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value) && !value.includes('=?')) return value;
  const words: string[] = [];
  let word = '';
  for (const character of value) {
    if (Buffer.byteLength(word + character) > WORD_BYTES) {
      words.push(word);
      word = '';
    }
    word += character;
  }
  if (word) words.push(word);
  return words.map((part) => `=?UTF-8?B?${Buffer.from(part).toString('base64')}?=`).join(' ');
}

/** ntfy's number for a configured priority (`high` → 4). */
export function priorityNumber(priority: NonNullable<NtfyTopicConfig['priority']>): number {
  return typeof priority === 'number' ? priority : (NTFY_PRIORITIES[priority as keyof typeof NTFY_PRIORITIES] ?? Number(priority));
}

/** Tags as ntfy splits them: by comma, trimmed, blanks dropped. */
export function tagList(tags: string | undefined): string[] {
  return (tags ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * The request headers of one publish. Priority goes as `X-Priority`, which ntfy reads first:
 * proxies such as Cloudflare set a `Priority` header of their own (RFC 9218).
 */
export function ntfyRequestHeaders(config: NtfyTopicConfig, message: NtfyMessage): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'user-agent': USER_AGENT,
  };
  if (message.title) headers.Title = encodeHeaderValue(message.title);
  if (config.priority !== undefined) headers['X-Priority'] = String(priorityNumber(config.priority));
  const tags = tagList(config.tags);
  if (tags.length > 0) headers.Tags = encodeHeaderValue(tags.join(','));
  if (message.click) headers.Click = message.click;
  if (config.access_token) headers.Authorization = `Bearer ${config.access_token}`;
  return headers;
}
