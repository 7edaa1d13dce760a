import { dingtalkAnswers } from './dingtalk-answers.js';

type Body = Record<string, unknown>;
type Refusal = { errcode: number; errmsg: string };

/** The fields each webhook msgtype needs (non-empty strings, or a non-empty list for feedCard). */
const REQUIRED_FIELDS: Record<string, string[]> = {
  text: ['text.content'],
  markdown: ['markdown.title', 'markdown.text'],
  link: ['link.title', 'link.text', 'link.messageUrl'],
  actionCard: ['actionCard.title', 'actionCard.text'],
  feedCard: ['feedCard.links'],
};

/** Why DingTalk would refuse this body's shape, as its answer; undefined when it is well formed. */
export function shapeRefusal(body: unknown): Refusal | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return dingtalkAnswers.missingJson;
  const { msgtype } = body as Body;
  if (typeof msgtype !== 'string') return missing('msgtype');
  const required = REQUIRED_FIELDS[msgtype];
  if (!required) return dingtalkAnswers.unsupportedMsgType;
  const absent = required.find((path) => !present(valueAt(body, path)));
  if (absent) return missing(absent);
  if (msgtype === 'actionCard' && !present(valueAt(body, 'actionCard.singleURL')) && !present(valueAt(body, 'actionCard.btns'))) {
    return missing('actionCard.singleURL or actionCard.btns');
  }
  const problem = atProblem((body as Body).at);
  return problem ? missing(problem) : undefined;
}

/** `at`, when present: `{ atMobiles?: string[], atUserIds?: string[], isAtAll?: boolean }`. */
function atProblem(at: unknown): string | undefined {
  if (at === undefined) return undefined;
  if (typeof at !== 'object' || at === null || Array.isArray(at)) return 'at';
  const { atMobiles, atUserIds, isAtAll } = at as Body;
  for (const [name, list] of [
    ['at.atMobiles', atMobiles],
    ['at.atUserIds', atUserIds],
  ] as const) {
    if (list !== undefined && !(Array.isArray(list) && list.every((item) => typeof item === 'string'))) return name;
  }
  return isAtAll === undefined || typeof isAtAll === 'boolean' ? undefined : 'at.isAtAll';
}

/**
 * Mentions listed in `at` that the text does not show as `@…`. DingTalk accepts such a message
 * (errcode 0) but shows and notifies no one, so a fake records them for tests to assert on.
 */
export function hiddenMentions(body: Body): string[] {
  const at = (body.at ?? {}) as { atMobiles?: string[]; atUserIds?: string[] };
  const text = String(valueAt(body, 'text.content') ?? valueAt(body, 'markdown.text') ?? '');
  return [...(at.atMobiles ?? []), ...(at.atUserIds ?? [])].filter((who) => !text.includes(`@${who}`));
}

/** The text DingTalk searches for custom keywords: every string value of the message. */
export function searchableText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  return Object.values(value).map(searchableText).join('\n');
}

function missing(path: string): Refusal {
  return { errcode: 40035, errmsg: `缺少参数 ${path}` };
}

function present(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== '';
}

function valueAt(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Body)[key] : undefined), body);
}
