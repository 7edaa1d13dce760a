import type { FakeAnswer } from '@herald/channel-sdk/fakes';
import { feishuAppAnswers } from './feishu-app-answers.js';

export const FAKE_RECEIVE_ID_TYPES = ['open_id', 'user_id', 'union_id', 'email', 'chat_id'] as const;
export type FakeReceiveIdType = (typeof FAKE_RECEIVE_ID_TYPES)[number];

/** What an id of each type looks like to Feishu: anything else is "invalid receive_id". */
export const RECEIVE_ID_PATTERNS: Record<FakeReceiveIdType, RegExp> = {
  open_id: /^ou_[A-Za-z0-9]+$/,
  union_id: /^on_[A-Za-z0-9]+$/,
  chat_id: /^oc_[A-Za-z0-9]+$/,
  user_id: /^[A-Za-z0-9_-]+$/,
  email: /^[^\s@]+@[^\s@]+$/,
};

/** The request-body limits: text 150 KB, post and card 30 KB (counted in thousands, the stricter reading). */
export const BODY_LIMITS: Record<string, number> = { text: 150_000, post: 30_000, interactive: 30_000 };
const POST_LOCALES = ['zh_cn', 'en_us', 'ja_jp', 'zh_hk', 'zh_tw'];
const POST_TAGS = ['text', 'a', 'at', 'img', 'media', 'emotion', 'hr', 'code_block', 'md'];

type Part = Record<string, unknown>;

/** Why Feishu refuses this body (receive_id and msg_type present, content a JSON string of the type's shape). */
export function messageBodyProblem(body: Part, rawBytes: number): FakeAnswer | undefined {
  const { receive_id: receiveId, msg_type: msgType, content, uuid } = body;
  if (typeof receiveId !== 'string' || receiveId === '' || typeof msgType !== 'string' || typeof content !== 'string') {
    return feishuAppAnswers.fieldValidationFailed;
  }
  if (uuid !== undefined && (typeof uuid !== 'string' || uuid.length > 50)) return feishuAppAnswers.fieldValidationFailed;
  if (!Object.hasOwn(BODY_LIMITS, msgType)) return feishuAppAnswers.invalidMsgType;
  if (rawBytes > BODY_LIMITS[msgType]!) return feishuAppAnswers.contentTooLong;
  const parsed = parseObject(content);
  if (!parsed) return feishuAppAnswers.invalidContent;
  if (msgType === 'text') return nonBlank(parsed.text) ? undefined : feishuAppAnswers.invalidContent;
  if (msgType === 'post') return postProblem(parsed);
  return cardProblem(parsed);
}

/** `{zh_cn: {title?, content: [[{tag, …}]]}}` — at least one locale, paragraphs of known tags. */
function postProblem(post: Part): FakeAnswer | undefined {
  const locales = Object.keys(post).filter((locale) => POST_LOCALES.includes(locale));
  if (locales.length === 0) return feishuAppAnswers.invalidContent;
  for (const locale of locales) {
    const { title, content } = (post[locale] ?? {}) as Part;
    if (title !== undefined && typeof title !== 'string') return feishuAppAnswers.invalidContent;
    if (!Array.isArray(content)) return feishuAppAnswers.invalidContent;
    const elementsValid = content.every(
      (paragraph) => Array.isArray(paragraph) && paragraph.every((element: Part) => POST_TAGS.includes(String(element?.tag))),
    );
    if (!elementsValid) return feishuAppAnswers.invalidContent;
  }
  return undefined;
}

/** A card: elements (card 1.0), a body (2.0) or a template reference. */
function cardProblem(card: Part): FakeAnswer | undefined {
  if (card.type === 'template') return undefined;
  const elements = card.elements ?? (card.body as Part | undefined)?.elements;
  if (!Array.isArray(elements)) return feishuAppAnswers.cardContentFailed;
  const tagged = elements.every((element: Part) => typeof element?.tag === 'string');
  return tagged ? undefined : feishuAppAnswers.cardContentFailed;
}

export function parseObject(text: string): Part | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Part) : undefined;
  } catch {
    return undefined;
  }
}

function nonBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
