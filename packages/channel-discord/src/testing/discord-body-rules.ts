import type { ErrorTree } from './discord-answers.js';

/** One broken rule, at a path of the body, with Discord's own code and wording. */
export interface FieldError {
  path: string[];
  code: string;
  message: string;
}

type Body = Record<string, any>;

const EMBED_TOTAL = 6000;
const MENTION_TYPES = ['roles', 'users', 'everyone'];

/** Discord counts code points. */
const length = (text: string): number => [...text].length;

function text(value: unknown, path: string[], max: number, required = false, min = 0): FieldError[] {
  if (value === undefined || value === null)
    return required ? [{ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] : [];
  if (typeof value !== 'string') return [{ path, code: 'BASE_TYPE_STRING', message: 'Must be a string.' }];
  const size = length(value.trim() === '' ? '' : value);
  if (min > 0 && (size < min || size > max))
    return [{ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` }];
  if (size > max) return [{ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }];
  return [];
}

function list(value: unknown, path: string[], max: number): FieldError[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [{ path, code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }];
  return value.length > max ? [{ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }] : [];
}

function embedErrors(embed: Body, path: string[]): FieldError[] {
  const fields: unknown[] = Array.isArray(embed.fields) ? embed.fields : [];
  return [
    ...text(embed.title, [...path, 'title'], 256),
    ...text(embed.description, [...path, 'description'], 4096),
    ...list(embed.fields, [...path, 'fields'], 25),
    ...fields.flatMap((field: any, index) => [
      ...text(field?.name, [...path, 'fields', String(index), 'name'], 256, true, 1),
      ...text(field?.value, [...path, 'fields', String(index), 'value'], 1024, true, 1),
    ]),
    ...(embed.footer === undefined ? [] : text(embed.footer?.text, [...path, 'footer', 'text'], 2048, true)),
    ...(embed.author === undefined ? [] : text(embed.author?.name, [...path, 'author', 'name'], 256, true)),
    ...(embed.timestamp === undefined || !Number.isNaN(Date.parse(embed.timestamp))
      ? []
      : [
          { path: [...path, 'timestamp'], code: 'DATE_TIME_TYPE_PARSE', message: `Could not parse ${embed.timestamp}. Should be ISO8601.` },
        ]),
    ...(embed.color === undefined || (Number.isInteger(embed.color) && embed.color >= 0 && embed.color <= 0xffffff)
      ? []
      : [{ path: [...path, 'color'], code: 'NUMBER_TYPE_MAX', message: 'Int value should be less than or equal to 16777215.' }]),
  ];
}

function embedsErrors(embeds: unknown): FieldError[] {
  if (!Array.isArray(embeds)) return list(embeds, ['embeds'], 10);
  const own = embeds.flatMap((embed, index) => embedErrors(typeof embed === 'object' && embed ? embed : {}, ['embeds', String(index)]));
  const total = embeds.reduce((sum: number, embed: Body) => sum + embedLength(embed ?? {}), 0);
  return [
    ...list(embeds, ['embeds'], 10),
    ...own,
    ...(total > EMBED_TOTAL
      ? [{ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${EMBED_TOTAL}` }]
      : []),
  ];
}

function embedLength(embed: Body): number {
  const parts = [embed.title, embed.description, embed.footer?.text, embed.author?.name];
  for (const field of Array.isArray(embed.fields) ? embed.fields : []) parts.push(field?.name, field?.value);
  return parts.reduce((sum: number, part) => sum + (typeof part === 'string' ? length(part) : 0), 0);
}

function usernameErrors(username: unknown): FieldError[] {
  const own = text(username, ['username'], 80, false, 1);
  if (own.length > 0 || typeof username !== 'string') return own;
  const word = /discord/i.test(username) ? 'discord' : /clyde/i.test(username) ? 'clyde' : undefined;
  return word ? [{ path: ['username'], code: 'USERNAME_INVALID_CONTAINS', message: `Username cannot contain "${word}"` }] : [];
}

function mentionErrors(mentions: unknown, required: boolean): FieldError[] {
  if (mentions === undefined) {
    // Herald's rule, not Discord's: every message must switch mentions off (or choose them) explicitly.
    return required
      ? [
          {
            path: ['allowed_mentions'],
            code: 'HERALD_ALLOWED_MENTIONS_REQUIRED',
            message: 'Herald sends allowed_mentions on every message',
          },
        ]
      : [];
  }
  const parse: unknown = (mentions as Body)?.parse;
  if (parse === undefined || (Array.isArray(parse) && parse.every((type) => MENTION_TYPES.includes(type)))) return [];
  return [
    { path: ['allowed_mentions', 'parse'], code: 'BASE_TYPE_CHOICES', message: "Value must be one of ('roles', 'users', 'everyone')." },
  ];
}

/** What Discord would refuse in an Execute Webhook body, field by field (empty when nothing). */
export function discordBodyErrors(body: unknown, options: { requireAllowedMentions?: boolean } = {}): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ path: [], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }];
  }
  const message = body as Body;
  return [
    ...text(message.content, ['content'], 2000),
    ...usernameErrors(message.username),
    ...(message.avatar_url === undefined || /^https?:\/\/\S+$/.test(String(message.avatar_url))
      ? []
      : [{ path: ['avatar_url'], code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' }]),
    ...embedsErrors(message.embeds),
    ...mentionErrors(message.allowed_mentions, options.requireAllowedMentions ?? true),
  ];
}

/** Discord's "empty message": no content worth showing and nothing else to post. */
export function isEmptyMessage(body: Body): boolean {
  const hasContent = typeof body.content === 'string' && body.content.trim() !== '';
  const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
  return !hasContent && !hasEmbeds && !body.components && !body.poll && !body.sticker_ids;
}

/** The `errors` tree of a 50035 answer: `{"embeds": {"0": {"title": {"_errors": [...]}}}}`. */
export function errorTree(errors: FieldError[]): ErrorTree {
  const tree: ErrorTree = {};
  for (const error of errors) {
    let node: ErrorTree = tree;
    for (const key of error.path) {
      node[key] ??= {};
      node = node[key] as ErrorTree;
    }
    node._errors ??= [];
    node._errors.push({ code: error.code, message: error.message });
  }
  return tree;
}
