import {
  classifyHttpAnswer,
  delivered,
  excerpt,
  failed,
  parseJsonBody,
  retryLater,
  type DeliveryOutcome,
  type HttpResponse,
} from '@herald/channel-sdk';

/** How DingTalk's answers are classified; the codes and their sources are in this package's PROTOCOL.md. */

const MINUTE = 60_000;
/** "Each bot can send up to 20 chats per minute. Exceeding 20 chats triggers a 10-minute rate limit." */
export const THROTTLE_MS = 10 * MINUTE;
const BUSY_RETRIES = 3;

interface DingTalkAnswer {
  errcode?: number;
  errmsg?: string;
  status?: number;
  punish?: string;
  wait?: number;
}

/** The outcome of one DingTalk answer; `attempt` counts from 1. */
export function interpretAnswer(response: HttpResponse, attempt: number): DeliveryOutcome {
  const answer = parseJsonBody<DingTalkAnswer>(response);
  // The anti-abuse gate answers with its own body, without errcode, and says how long to wait.
  if (answer && (answer.status === 1111 || answer.punish === 'deny')) {
    const waitSeconds = typeof answer.wait === 'number' && answer.wait > 0 ? answer.wait : 60;
    return retryLater(`DingTalk's anti-abuse gate refused the request; it asks to wait ${waitSeconds} s`, {
      retryAfterMs: waitSeconds * 1000,
    });
  }
  if (response.status < 200 || response.status >= 300) return classifyHttpAnswer(response, 'DingTalk');
  // DingTalk answers HTTP 200 even when it refuses; errcode tells the truth.
  if (typeof answer?.errcode !== 'number') {
    return failed(
      `DingTalk answered HTTP ${response.status} without an errcode: ${excerpt(response.body, 200)} — is service_url a robot webhook?`,
    );
  }
  if (answer.errcode === 0) return delivered();
  return refusal(answer.errcode, answer.errmsg ?? '', attempt);
}

/** Refusals that end for good, and why; `gone` marks the robot itself as no longer there. */
const PERMANENT: Record<number, { why: string; gone?: boolean }> = {
  300001: { why: 'the access_token does not exist: the robot was removed or service_url is wrong', gone: true },
  300005: { why: 'the access_token does not exist: the robot was removed or service_url is wrong', gone: true },
  400101: { why: 'the access_token does not exist: the robot was removed or service_url is wrong', gone: true },
  400102: { why: 'the robot has been stopped', gone: true },
  400106: { why: 'the robot does not exist', gone: true },
  400013: { why: 'the group was disbanded', gone: true },
  460101: { why: 'the message is larger than the 20000 bytes DingTalk accepts' },
  40035: { why: 'a parameter is missing (the access_token or the JSON body)' },
  43002: { why: 'DingTalk expects a POST' },
  400105: { why: 'DingTalk does not support this msgtype for robots' },
};

/** 130101 is the documented throttle; 410100 and 660026 are second-hand codes for the same. */
const THROTTLE_CODES = new Set([130101, 410100, 660026]);
// Some captures show a "token is not exist" code with a frequency message; the message wins.
const SPEAKS_OF_FREQUENCY = /too fast|frequen|exceed \d+ times|过快|频繁|限流/i;

function refusal(errcode: number, errmsg: string, attempt: number): DeliveryOutcome {
  const said = `DingTalk errcode ${errcode}: ${errmsg}`;
  if (THROTTLE_CODES.has(errcode) || SPEAKS_OF_FREQUENCY.test(errmsg)) {
    // The robot stays throttled for 10 minutes; an earlier retry only meets the same refusal.
    return retryLater(`${said} — a robot takes 20 messages a minute and is then throttled for 10 minutes`, { retryAfterMs: THROTTLE_MS });
  }
  if (errcode === -1) {
    // DingTalk's global advice for "system busy": retry, at most three times.
    return attempt <= BUSY_RETRIES ? retryLater(`${said} — DingTalk is busy`) : failed(`${said} — still busy after ${attempt} attempts`);
  }
  if (errcode === 310000) return securityRefusal(said, errmsg, attempt);
  const known = PERMANENT[errcode];
  return failed(known ? `${said} — ${known.why}` : said, known?.gone ? { destinationGone: true } : {});
}

/** 310000 covers three security settings; errmsg (English or, lately, Chinese) says which. */
function securityRefusal(said: string, errmsg: string, attempt: number): DeliveryOutcome {
  if (/keyword|关键词/i.test(errmsg)) {
    return failed(
      `${said} — the text contains none of the robot's custom keywords: add one to the template or to the robot's security settings`,
    );
  }
  if (/\bip\b|whitelist|白名单/i.test(errmsg)) {
    return failed(`${said} — this server's IP address is not in the robot's IP allow-list`);
  }
  if (/sign|timestamp|签名/i.test(errmsg)) {
    // A fresh signature can pass where a delayed one expired: re-sign once, on the first attempt only.
    const check = "check that sign holds this robot's 加签 secret (SEC…) and that this server's clock is right";
    return attempt === 1 ? retryLater(`${said} — re-signing once; if it persists, ${check}`) : failed(`${said} — ${check}`);
  }
  return failed(`${said} — check the robot's security settings: custom keywords, 加签 secret, IP allow-list`);
}

// Work notifications (dingtalk_work_notice): the server API's answers to gettoken and asyncsend_v2.

/** The fields of a DingTalk server-API answer this channel reads (gettoken and asyncsend_v2). */
export interface DingTalkApiAnswer {
  errcode?: number;
  errmsg?: string;
  /** The gateway's form: errcode 88 with the real code here. */
  sub_code?: string;
  sub_msg?: string;
  access_token?: string;
  expires_in?: number;
  task_id?: number;
  request_id?: string;
}

interface CodeClass {
  meaning: string;
  kind: 'permanent' | 'throttle' | 'busy' | 'token';
  retryAfterMs?: number;
}

/**
 * DingTalk's server-API codes this action meets (PROTOCOL.md, "Work notifications"). Codes not
 * listed are permanent, with DingTalk's errmsg.
 */
export const WORK_NOTICE_CODES: Record<number, CodeClass> = {
  [-1]: { kind: 'busy', meaning: 'DingTalk is busy' },
  40001: { kind: 'token', meaning: 'the access_token is invalid' },
  40014: { kind: 'token', meaning: 'the access_token is invalid' },
  41001: { kind: 'token', meaning: 'the access_token is missing' },
  42001: { kind: 'token', meaning: 'the access_token expired' },
  143103: { kind: 'throttle', meaning: "the app's notices-per-minute quota is used up", retryAfterMs: MINUTE },
  143104: { kind: 'throttle', meaning: "the organisation's notices-per-minute quota is used up", retryAfterMs: MINUTE },
  90002: { kind: 'throttle', meaning: 'DingTalk suspended calls from this server for a while', retryAfterMs: MINUTE },
  90005: { kind: 'throttle', meaning: 'too many calls a minute', retryAfterMs: MINUTE },
  90006: { kind: 'throttle', meaning: 'too many calls a second', retryAfterMs: 1_000 },
  90018: { kind: 'throttle', meaning: 'too many calls from the organisation', retryAfterMs: MINUTE },
  40089: { kind: 'permanent', meaning: 'app_key or app_secret is wrong' },
  40096: { kind: 'permanent', meaning: 'app_key or app_secret is wrong' },
  40: { kind: 'permanent', meaning: 'a required argument is missing' },
  40035: { kind: 'permanent', meaning: 'a parameter is missing' },
  400002: { kind: 'permanent', meaning: 'agent_id is wrong' },
  33012: { kind: 'permanent', meaning: 'a user id is invalid' },
  60011: { kind: 'permanent', meaning: 'the app may not call this API' },
  60020: { kind: 'permanent', meaning: "this server's IP address is not in the app's allow-list (服务器出口IP)" },
};

export interface WorkNoticeReading {
  outcome: DeliveryOutcome;
  tokenRejected: boolean;
}

/**
 * Reads a DingTalk server-API answer: HTTP 200 whatever happened, errcode decides. The gateway's
 * errcode 88 carries the real code in `sub_code`, which is read instead.
 */
export function readWorkNoticeAnswer(response: HttpResponse, what = 'the work notice'): WorkNoticeReading {
  if (response.status < 200 || response.status >= 300) return { outcome: classifyHttpAnswer(response, 'DingTalk'), tokenRejected: false };
  const answer = parseJsonBody<DingTalkApiAnswer>(response);
  if (typeof answer?.errcode !== 'number') {
    const reason = `DingTalk answered HTTP ${response.status} without an errcode: ${excerpt(response.body, 200)} — is api_base_url the server API?`;
    return { outcome: failed(reason), tokenRejected: false };
  }
  if (answer.errcode === 0) {
    const task = answer.task_id === undefined ? {} : { note: `DingTalk accepted the notice as task ${answer.task_id}` };
    return { outcome: delivered(task), tokenRejected: false };
  }
  const code = answer.errcode === 88 && /^\d+$/.test(answer.sub_code ?? '') ? Number(answer.sub_code) : answer.errcode;
  const known = WORK_NOTICE_CODES[code];
  const said = answer.errcode === 88 ? `errcode 88, sub_code ${code}` : `errcode ${code}`;
  const reason = `DingTalk refused ${what}: ${said}${known ? ` (${known.meaning})` : ''}: ${excerpt(answer.sub_msg ?? answer.errmsg ?? '', 200)}`;
  if (known?.kind === 'token') return { outcome: retryLater(reason), tokenRejected: true };
  if (known?.kind === 'throttle') return { outcome: retryLater(reason, { retryAfterMs: known.retryAfterMs }), tokenRejected: false };
  if (known?.kind === 'busy') return { outcome: retryLater(reason), tokenRejected: false };
  return { outcome: failed(reason), tokenRejected: false };
}
