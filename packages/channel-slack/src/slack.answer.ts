import {
  classifyHttpAnswer,
  delivered,
  excerpt,
  failed,
  parseRetryAfter,
  retryLater,
  type DeliveryOutcome,
  type HttpResponse,
} from '@herald/channel-sdk';

/** How Slack's answers are classified; the errors and their sources are in this package's PROTOCOL.md. */

const SECOND = 1000;

/** Slack's refusals that no retry can change, by the error name in the plain-text body. */
const PERMANENT_ERRORS: Record<string, string> = {
  invalid_payload: 'the body is not a message Slack can read',
  // Not in Slack's list for webhooks, but observed: a Block Kit rule was broken.
  invalid_blocks: 'a block breaks a Block Kit rule (check the customize template)',
  no_text: 'the message has neither text nor blocks',
  too_many_attachments: 'the message has more than 100 attachments',
  user_not_found: 'the user the webhook posts to does not exist',
  no_service_id: 'service_url is not a complete webhook URL',
  action_prohibited: 'a workspace admin has restricted posting from this webhook',
  invalid_token: 'the token in service_url is not valid; create a new webhook',
  posting_to_general_channel_denied: 'only admins may post to #general in this workspace',
};

/** Refusals that mean the webhook's destination is gone: stop sending to it. */
const DESTINATION_GONE_ERRORS: Record<string, string> = {
  channel_not_found: "the webhook's channel no longer exists",
  no_service: 'the webhook was disabled or removed',
  no_team: 'the workspace no longer exists',
  channel_is_archived: "the webhook's channel is archived",
  team_disabled: 'the workspace is disabled',
  no_active_hooks: 'the app has no active incoming webhooks',
};

/**
 * Slack's answer → outcome. Slack's errors are plain-text bodies, and the HTTP status of most of
 * them is undocumented, so the body string decides before the status does.
 */
export function interpretSlackAnswer(response: HttpResponse, now = Date.now()): DeliveryOutcome {
  const body = response.body.trim();
  if (response.status === 200) {
    // Slack's success is exactly "ok"; anything else from a 200 came from a proxy: report it, don't resend.
    return body === 'ok' ? delivered() : delivered({ note: `expected "ok" from Slack, got: ${excerpt(body, 200)}` });
  }
  // 429 from Slack carries a JSON counter body and Retry-After in seconds; the window is a second.
  if (response.status === 429) {
    return retryLater('Slack throttled this webhook (about one message a second)', {
      retryAfterMs: parseRetryAfter(response.headers['retry-after'], now) ?? SECOND,
    });
  }
  const permanent = Object.hasOwn(PERMANENT_ERRORS, body) ? PERMANENT_ERRORS[body] : undefined;
  if (permanent) return failed(`Slack refused the message: ${permanent} (${body})`);
  const gone = Object.hasOwn(DESTINATION_GONE_ERRORS, body) ? DESTINATION_GONE_ERRORS[body] : undefined;
  if (gone) return failed(`Slack refused the message: ${gone} (${body})`, { destinationGone: true });
  // rollup_error is Slack's own 500; it and any other 5xx are worth another attempt.
  if (body === 'rollup_error') return retryLater(`Slack failed on its side (HTTP ${response.status}: rollup_error)`);
  return classifyHttpAnswer(response, 'Slack');
}
