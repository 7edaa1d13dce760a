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

const MINUTE = 60_000;

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
