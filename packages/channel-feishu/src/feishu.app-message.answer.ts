import {
  classifyHttpAnswer,
  delivered,
  excerpt,
  failed,
  parseJsonBody,
  parseRetryAfter,
  retryLater,
  type DeliveryOutcome,
  type HttpResponse,
} from '@herald/channel-sdk';

const SECOND = 1_000;
const MINUTE = 60_000;

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
