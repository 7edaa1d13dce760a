type Body = Record<string, unknown>;

const POST_TAGS: Record<string, string[]> = { text: ['text'], a: ['text', 'href'], at: ['user_id'], img: ['image_key'] };

/**
 * Why Feishu would refuse this body's shape (it answers 9499 Bad Request), or undefined when it
 * is well formed: `content` is an object (not a JSON-encoded string) for text, post, image and
 * share_chat; cards go in a top-level `card` object.
 */
export function shapeProblem(body: Body): string | undefined {
  const { msg_type: msgType, content, card } = body;
  if (msgType === 'interactive') return isObject(card) ? cardProblem(card) : 'interactive needs a card object';
  if (typeof msgType !== 'string') return 'msg_type is missing';
  if (!isObject(content)) return `${msgType} needs a content object`;
  if (msgType === 'text') return nonEmpty(content.text) ? undefined : 'content.text is missing';
  if (msgType === 'post') return postProblem(content.post);
  if (msgType === 'image') return nonEmpty(content.image_key) ? undefined : 'content.image_key is missing';
  if (msgType === 'share_chat') return nonEmpty(content.share_chat_id) ? undefined : 'content.share_chat_id is missing';
  return `msg_type ${msgType} is not supported`;
}

/** `content.post.<locale>.content`: paragraphs of elements, each with the fields its tag needs. */
function postProblem(post: unknown): string | undefined {
  if (!isObject(post)) return 'content.post is missing';
  const locales = Object.values(post);
  if (locales.length === 0) return 'content.post has no locale';
  for (const locale of locales) {
    if (!isObject(locale) || !Array.isArray(locale.content)) return 'a post locale needs a content array';
    for (const paragraph of locale.content as unknown[]) {
      if (!Array.isArray(paragraph)) return 'post paragraphs must be arrays';
      const bad = paragraph.find((element) => !isObject(element) || !postElementValid(element));
      if (bad !== undefined) return `post element ${JSON.stringify(bad)} is malformed`;
    }
  }
  return undefined;
}

function postElementValid(element: Body): boolean {
  const required = POST_TAGS[String(element.tag)];
  return required?.every((field) => typeof element[field] === 'string') ?? false;
}

/** A card 1.0 (`elements`), a card 2.0 (`body.elements`) or a template card (`type: template`). */
function cardProblem(card: Body): string | undefined {
  if (card.type === 'template') return isObject(card.data) ? undefined : 'a template card needs data';
  const elements = card.schema === '2.0' && isObject(card.body) ? card.body.elements : card.elements;
  if (!Array.isArray(elements) || elements.length === 0) return 'the card has no elements';
  return elements.every((element) => isObject(element) && typeof element.tag === 'string') ? undefined : 'every card element needs a tag';
}

/** The text Feishu searches for custom keywords: text values, not links. */
export function searchableText(value: unknown, key = ''): string {
  if (typeof value === 'string') return ['text', 'title', 'content', 'user_name'].includes(key) ? value : '';
  if (typeof value !== 'object' || value === null) return '';
  return Object.entries(value)
    .map(([childKey, child]) => searchableText(child, Array.isArray(value) ? key : childKey))
    .join('\n');
}

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}
