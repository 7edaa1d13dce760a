import { createHash } from 'node:crypto';

/** A WeCom answer body: HTTP 200 whatever the errcode. */
export interface WeComErrorBody {
  errcode: number;
  errmsg: string;
}

const hint = (code: number) =>
  `hint: [fake-wecom], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${code}`;

/**
 * WeCom's answers (this package's PROTOCOL.md: Group robot, Application message, Answers and retries), for scripting failures with `failNext`. The
 * errmsg texts of 45009, 93000, 40091 and 60020 are the observed ones; the others carry the meaning
 * of the global error code page.
 */
export const WECOM_ANSWERS = {
  ok: { errcode: 0, errmsg: 'ok' },
  systemBusy: { errcode: -1, errmsg: 'system busy' },
  throttled: { errcode: 45009, errmsg: 'api freq out of limit' },
  concurrencyLimit: { errcode: 45033, errmsg: `api concurrent out of limit, ${hint(45033)}` },
  invalidWebhookKey: { errcode: 93000, errmsg: `invalid webhook url, ${hint(93000)}` },
  invalidMessageType: { errcode: 40008, errmsg: `invalid message type, ${hint(40008)}` },
  emptyContent: { errcode: 44004, errmsg: `empty content, ${hint(44004)}` },
  contentTooLong: { errcode: 45002, errmsg: `content size out of limit, ${hint(45002)}` },
  invalidFileSize: { errcode: 40006, errmsg: `invalid file size, ${hint(40006)}` },
  mediaTooLarge: { errcode: 45001, errmsg: `media size out of limit, ${hint(45001)}` },
  invalidMediaId: { errcode: 40007, errmsg: `invalid media_id, ${hint(40007)}` },
  illegalCharacters: { errcode: 40033, errmsg: `invalid charset. please check your request, ${hint(40033)}` },
  invalidParameter: { errcode: 40035, errmsg: `invalid parameter, ${hint(40035)}` },
  wrongJson: { errcode: 40035, errmsg: `invalid parameter, Warning: wrong json format. ${hint(40035)}` },
  emptyParameter: { errcode: 40063, errmsg: `some parameters are empty, ${hint(40063)}` },
  requireGet: { errcode: 43001, errmsg: `require GET method, ${hint(43001)}` },
  requirePost: { errcode: 43002, errmsg: `require POST method, ${hint(43002)}` },
  invalidCredential: { errcode: 40001, errmsg: `invalid credential, ${hint(40001)}` },
  invalidSecret: { errcode: 40091, errmsg: 'secret is invalid' },
  invalidCorpId: { errcode: 40013, errmsg: `invalid corpid, ${hint(40013)}` },
  invalidAgentId: { errcode: 40056, errmsg: `invalid agentid, ${hint(40056)}` },
  tokenExpired: { errcode: 42001, errmsg: `access_token expired, ${hint(42001)}` },
  tokenInvalid: { errcode: 40014, errmsg: `invalid access_token, ${hint(40014)}` },
  tokenMissing: { errcode: 41001, errmsg: `access_token missing, ${hint(41001)}` },
  ipNotTrusted: { errcode: 60020, errmsg: `not allow to access from your ip, ${hint(60020)}` },
  noPermission: { errcode: 48002, errmsg: `api forbidden, ${hint(48002)}` },
  applicationDisabled: { errcode: 50003, errmsg: `application is disabled, ${hint(50003)}` },
  allRecipientsInvalid: { errcode: 81013, errmsg: `user & party & tag all invalid, ${hint(81013)}` },
  allRecipientsEmpty: { errcode: 82001, errmsg: `All touser & toparty & totag invalid, ${hint(82001)}` },
} satisfies Record<string, WeComErrorBody>;

type Part = Record<string, unknown>;
type Check = (part: Part) => WeComErrorBody | undefined;

/** What WeCom checks of a robot body: a known msgtype with its object, contents within their byte limits. */
const ROBOT_CHECKS: Record<string, Check> = {
  text: (part) =>
    contentProblem(part.content, 2048) ?? stringListProblem(part.mentioned_list) ?? stringListProblem(part.mentioned_mobile_list),
  markdown: (part) => contentProblem(part.content, 4096),
  markdown_v2: (part) => contentProblem(part.content, 4096),
  image: imageProblem,
  news: newsProblem,
  file: (part) => (nonEmptyString(part.media_id) ? undefined : WECOM_ANSWERS.emptyParameter),
  voice: (part) => (nonEmptyString(part.media_id) ? undefined : WECOM_ANSWERS.emptyParameter),
  template_card: (part) => (nonEmptyString(part.card_type) ? undefined : WECOM_ANSWERS.invalidParameter),
};

/** An application message: text or markdown, each at most 2048 bytes (WeCom cuts longer text; the fake refuses it, to catch a channel that relies on that). */
const APP_CHECKS: Record<string, Check> = {
  text: (part) => contentProblem(part.content, 2048),
  markdown: (part) => contentProblem(part.content, 2048),
};

export function robotBodyProblem(body: Part): WeComErrorBody | undefined {
  return bodyProblem(body, ROBOT_CHECKS);
}

export function appBodyProblem(body: Part): WeComErrorBody | undefined {
  const lists = [body.touser, body.toparty, body.totag].filter((list) => list !== undefined);
  if (!lists.every((list) => typeof list === 'string')) return WECOM_ANSWERS.invalidParameter;
  if (!lists.some((list) => list !== '')) return WECOM_ANSWERS.allRecipientsEmpty;
  const tooMany = [body.toparty, body.totag].some((list) => typeof list === 'string' && list.split('|').length > 100);
  if (tooMany || (typeof body.touser === 'string' && body.touser.split('|').length > 1000)) return WECOM_ANSWERS.invalidParameter;
  return bodyProblem(body, APP_CHECKS);
}

function bodyProblem(body: Part, checks: Record<string, Check>): WeComErrorBody | undefined {
  const msgtype = body.msgtype;
  if (typeof msgtype !== 'string' || !Object.hasOwn(checks, msgtype)) return WECOM_ANSWERS.invalidMessageType;
  const part = body[msgtype];
  if (typeof part !== 'object' || part === null || Array.isArray(part)) return WECOM_ANSWERS.invalidParameter;
  return checks[msgtype]!(part as Part);
}

function contentProblem(content: unknown, maxBytes: number): WeComErrorBody | undefined {
  if (typeof content !== 'string' || content.trim() === '') return WECOM_ANSWERS.emptyContent;
  return Buffer.byteLength(content) > maxBytes ? WECOM_ANSWERS.contentTooLong : undefined;
}

function stringListProblem(list: unknown): WeComErrorBody | undefined {
  if (list === undefined) return undefined;
  return Array.isArray(list) && list.every((item) => typeof item === 'string') ? undefined : WECOM_ANSWERS.invalidParameter;
}

/** The md5 must be that of the raw bytes (not of the base64 text); at most 2 MB before encoding. */
function imageProblem(part: Part): WeComErrorBody | undefined {
  if (!nonEmptyString(part.base64) || !nonEmptyString(part.md5)) return WECOM_ANSWERS.emptyParameter;
  const raw = Buffer.from(part.base64, 'base64');
  if (raw.length > 2 * 1024 * 1024) return WECOM_ANSWERS.mediaTooLarge;
  return createHash('md5').update(raw).digest('hex') === part.md5.toLowerCase() ? undefined : WECOM_ANSWERS.invalidParameter;
}

/** 1 to 8 articles, each with a title and a url. */
function newsProblem(part: Part): WeComErrorBody | undefined {
  const articles = part.articles;
  if (!Array.isArray(articles) || articles.length < 1 || articles.length > 8) return WECOM_ANSWERS.invalidParameter;
  const complete = articles.every((article: Part) => nonEmptyString(article?.title) && nonEmptyString(article?.url));
  return complete ? undefined : WECOM_ANSWERS.emptyParameter;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
