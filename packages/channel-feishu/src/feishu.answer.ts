import {
  classifyHttpAnswer,
  delivered,
  excerpt,
  failed,
  isRetryableStatus,
  parseJsonBody,
  parseRetryAfter,
  retryLater,
  type DeliveryOutcome,
  type HttpResponse,
} from '@herald/channel-sdk';

/** How Feishu's answers are classified; the codes and their sources are in this package's PROTOCOL.md. */

const SECOND = 1_000;
const MINUTE = 60_000;

interface FeishuAnswer {
  code?: number;
  msg?: string;
  /** Legacy duplicates of code and msg, still present in success answers. */
  StatusCode?: number;
  StatusMessage?: string;
}

/** The outcome of one Feishu answer; `attempt.number` counts from 1, `signed` says whether `sign` was sent. */
export function interpretAnswer(response: HttpResponse, attempt: { number: number; signed: boolean }): DeliveryOutcome {
  // HTTP 429 is the OpenAPI gateway's throttle (not documented for the hook): honour its wait.
  if (response.status === 429) {
    const wait = response.headers['x-ogw-ratelimit-reset'] ?? response.headers['retry-after'];
    return retryLater(`Feishu answered HTTP 429: ${excerpt(response.body, 200)}`, { retryAfterMs: parseRetryAfter(wait) });
  }
  if (isRetryableStatus(response.status)) return classifyHttpAnswer(response, 'Feishu');
  // Feishu answers HTTP 200 even when it refuses (and 9499 comes with HTTP 400): the code decides.
  const answer = parseJsonBody<FeishuAnswer>(response);
  const code = answer?.code ?? answer?.StatusCode;
  const ok = response.status >= 200 && response.status < 300;
  if (typeof code !== 'number') {
    if (!ok) return classifyHttpAnswer(response, 'Feishu');
    return failed(`Feishu answered HTTP ${response.status} without a code: ${excerpt(response.body, 200)} — is service_url a bot webhook?`);
  }
  if (code === 0 && ok) return delivered();
  return refusal(code, answer?.msg ?? answer?.StatusMessage ?? '', attempt);
}

/** Refusals that end for good, and why; `gone` marks the bot itself as no longer there. */
const PERMANENT: Record<number, { why: string; gone?: boolean }> = {
  19001: { why: 'the webhook token is invalid: the bot was removed or service_url is wrong', gone: true },
  19022: { why: "this server's IP address is not in the bot's IP allow-list" },
  19024: {
    why: "the message must contain one of the bot's custom keywords: add one to the template, or change the bot's security settings",
  },
  19036: { why: 'the message is larger than Feishu accepts (20 KB)' },
  9499: { why: 'Feishu could not take the body: a malformed message, or one over 20 KB' },
};

function refusal(code: number, msg: string, attempt: { number: number; signed: boolean }): DeliveryOutcome {
  const said = `Feishu code ${code}: ${msg}`;
  // 11232 is the documented throttle; the gateway also answers 9499 "too many request" with HTTP 400.
  if (code === 11232 || (code === 9499 && /too many request/i.test(msg))) {
    // The limit is per bot, shared with everyone posting to it, and no wait is given: wait out
    // the 5-a-second window first, then the 100-a-minute one.
    const retryAfterMs = attempt.number === 1 ? SECOND : MINUTE;
    return retryLater(`${said} — a bot takes 5 messages a second and 100 a minute; Feishu also throttles at :00 and :30 under load`, {
      retryAfterMs,
    });
  }
  if (code === 19021) return signatureRefusal(said, attempt);
  const known = PERMANENT[code];
  return failed(known ? `${said} — ${known.why}` : said, known?.gone ? { destinationGone: true } : {});
}

/** 19021: the signature did not match, or its timestamp is more than an hour off. */
function signatureRefusal(said: string, attempt: { number: number; signed: boolean }): DeliveryOutcome {
  if (!attempt.signed) return failed(`${said} — the bot checks signatures (签名校验): put its secret in sign`);
  const check = "check that sign holds this bot's secret and that this server's clock is right";
  // A fresh signature can pass where a delayed one expired: re-sign once, on the first attempt only.
  return attempt.number === 1 ? retryLater(`${said} — re-signing once; if it persists, ${check}`) : failed(`${said} — ${check}`);
}

// App messages (feishu_app_message): the Open Platform's answers to the token endpoint and im/v1/messages.

/** The fields of an Open Platform answer this channel reads (token endpoint and im/v1 alike). */
export interface FeishuOpenApiAnswer {
  code?: number;
  msg?: string;
  tenant_access_token?: string;
  expire?: number;
  data?: { message_id?: string };
}

interface CodeClass {
  meaning: string;
  /** retry: wait and try again; token: fetch a fresh tenant_access_token and send again at once. */
  kind: 'permanent' | 'throttle' | 'token';
  retryAfterMs?: number;
}

/**
 * The Open Platform codes this channel meets (PROTOCOL.md, "Feishu app messages"). Codes not
 * listed are permanent, with Feishu's msg; HTTP 5xx without a known code is retried.
 */
export const FEISHU_APP_CODES: Record<number, CodeClass> = {
  99991663: { kind: 'token', meaning: 'the tenant_access_token is invalid or expired' },
  99991661: { kind: 'token', meaning: 'the tenant_access_token is missing' },
  99991677: { kind: 'token', meaning: 'the tenant_access_token expired' },
  99991400: { kind: 'throttle', meaning: 'the app called the API too often (1000 a minute, 50 a second)', retryAfterMs: SECOND },
  230020: { kind: 'throttle', meaning: 'a receiver takes 5 messages a second', retryAfterMs: SECOND },
  10003: { kind: 'permanent', meaning: 'app_id is wrong (invalid param)' },
  10014: { kind: 'permanent', meaning: 'app_secret is wrong' },
  230001: { kind: 'permanent', meaning: 'a parameter is invalid, such as a receive_id that is not of receive_id_type' },
  230002: { kind: 'permanent', meaning: 'the app’s bot is not in this chat' },
  230006: { kind: 'permanent', meaning: 'the app has no bot capability (enable 机器人 and publish a version)' },
  230013: { kind: 'permanent', meaning: 'the receiver is outside the app’s availability range (可用范围)' },
  230025: { kind: 'permanent', meaning: 'the message content is longer than Feishu takes' },
  230099: { kind: 'permanent', meaning: 'Feishu could not build the card from the content' },
  99991672: { kind: 'permanent', meaning: 'the app lacks the im:message (or im:message:send_as_bot) permission' },
  99992402: { kind: 'permanent', meaning: 'a field failed validation' },
};

export interface FeishuAppReading {
  outcome: DeliveryOutcome;
  tokenRejected: boolean;
}

/**
 * Reads an Open Platform answer. Refusals come with HTTP 400 (and the throttle with 429) and a
 * JSON `code`; the code decides. A 429 waits as long as `x-ogw-ratelimit-reset` (seconds) says.
 */
export function readFeishuAppAnswer(response: HttpResponse, what = 'the message'): FeishuAppReading {
  const answer = parseJsonBody<FeishuOpenApiAnswer>(response);
  const code = answer?.code;
  const ok = response.status >= 200 && response.status < 300;
  if (typeof code !== 'number') {
    if (!ok) return { outcome: classifyHttpAnswer(response, 'Feishu'), tokenRejected: false };
    return {
      outcome: failed(
        `Feishu answered HTTP ${response.status} without a code: ${excerpt(response.body, 200)} — is api_base_url the Open Platform?`,
      ),
      tokenRejected: false,
    };
  }
  if (code === 0 && ok) return { outcome: delivered(), tokenRejected: false };
  const known = FEISHU_APP_CODES[code];
  const reason = `Feishu refused ${what}: code ${code}${known ? ` (${known.meaning})` : ''}: ${excerpt(answer?.msg ?? '', 200)}`;
  if (known?.kind === 'token') return { outcome: retryLater(reason), tokenRejected: true };
  if (known?.kind === 'throttle' || response.status === 429) {
    const waitMs = parseRetryAfter(response.headers['x-ogw-ratelimit-reset'] ?? response.headers['retry-after']);
    return { outcome: retryLater(reason, { retryAfterMs: waitMs ?? known?.retryAfterMs ?? MINUTE }), tokenRejected: false };
  }
  if (!known && response.status >= 500) return { outcome: retryLater(reason), tokenRejected: false };
  return { outcome: failed(reason), tokenRejected: false };
}
