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

/** The fields of a WeCom answer this channel reads (robot and application API alike). */
export interface WeComAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  invaliduser?: string;
  invalidparty?: string;
  invalidtag?: string;
  unlicenseduser?: string;
}

interface ErrorClass {
  meaning: string;
  retry?: boolean;
  retryAfterMs?: number;
  destinationGone?: boolean;
}

/** An access token WeCom no longer accepts (expired, invalid, missing): fetch a fresh one and send again at once. */
export const TOKEN_REJECTED = new Set([42001, 40014, 41001]);

/** WeCom's error codes (PROTOCOL.md: Answers and retries). Codes not listed are permanent, with WeCom's errmsg. */
const ERRORS: Record<number, ErrorClass> = {
  [-1]: { meaning: 'WeCom is busy', retry: true },
  45009: { meaning: 'throttled: api freq out of limit (a robot takes 20 messages a minute)', retry: true, retryAfterMs: MINUTE },
  45033: { meaning: 'too many concurrent calls', retry: true },
  42001: { meaning: 'the access token expired', retry: true },
  40014: { meaning: 'the access token is invalid', retry: true },
  41001: { meaning: 'the access token is missing', retry: true },
  93000: { meaning: 'the webhook key is invalid: the robot was removed or the URL is wrong', destinationGone: true },
  40008: { meaning: 'invalid message type' },
  44004: { meaning: 'the content is empty' },
  45002: { meaning: 'the content is too long' },
  40006: { meaning: 'invalid media size' },
  45001: { meaning: 'the media is too large' },
  40007: { meaning: 'invalid media_id: expired (3 days) or uploaded with another key' },
  40033: { meaning: 'the content has illegal characters (\\uxxxx)' },
  40035: { meaning: 'an invalid parameter' },
  40063: { meaning: 'a parameter is empty' },
  40001: { meaning: 'the secret is wrong' },
  40091: { meaning: 'the secret is wrong' },
  40013: { meaning: 'the corp_id is wrong' },
  40056: { meaning: 'the agent_id is wrong' },
  60020: { meaning: "this server's IP address is not among the application's trusted IPs (企业可信IP)" },
  48002: { meaning: 'the application may not call this API' },
  50003: { meaning: 'the application is disabled' },
  81013: { meaning: 'none of to_users, to_parties or to_tags can receive messages from this application' },
  82001: { meaning: 'to_users, to_parties and to_tags are all empty' },
};

/**
 * Reads a WeCom answer. WeCom answers HTTP 200 for refusals too (bad key, throttling, bad body):
 * the errcode alone tells the truth. Other statuses come from a gateway or proxy and are read as
 * plain HTTP (5xx and 429 retried, Retry-After honoured).
 */
export function classifyWeComAnswer(response: HttpResponse, what = 'the message'): DeliveryOutcome {
  if (response.status < 200 || response.status >= 300) return classifyHttpAnswer(response, 'WeCom');
  const body = parseJsonBody<WeComAnswer>(response);
  if (typeof body?.errcode !== 'number') {
    return failed(`WeCom answered HTTP ${response.status} without an errcode (is the URL a WeCom API?): ${excerpt(response.body, 200)}`);
  }
  if (body.errcode === 0) return delivered(undeliveredNote(body));
  const known = ERRORS[body.errcode];
  const reason = `WeCom refused ${what}: errcode ${body.errcode}${known ? ` (${known.meaning})` : ''}: ${excerpt(body.errmsg ?? '', 200)}`;
  if (known?.retry) return retryLater(reason, known.retryAfterMs === undefined ? {} : { retryAfterMs: known.retryAfterMs });
  return failed(reason, known?.destinationGone ? { destinationGone: true } : {});
}

/** An application message reaches the valid recipients and lists the others; that is delivered, with a note. */
function undeliveredNote(body: WeComAnswer): { note?: string } {
  const lists = (['invaliduser', 'invalidparty', 'invalidtag', 'unlicenseduser'] as const)
    .filter((field) => typeof body[field] === 'string' && body[field] !== '')
    .map((field) => `${field} ${body[field]}`);
  return lists.length === 0 ? {} : { note: excerpt(`WeCom did not deliver to some recipients: ${lists.join('; ')}`, 500) };
}
