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
