/**
 * Slack's incoming-webhook errors and the HTTP status each comes with (PROTOCOL.md: Facts; Answers and retries).
 * Statuses marked "assumed" are not documented by Slack; the body string is what identifies them.
 */
export const SLACK_ERROR_STATUS = {
  invalid_payload: 400,
  invalid_blocks: 400, // observed for Block Kit violations, e.g. a section text over 3000 characters
  no_text: 400, // assumed
  too_many_attachments: 400, // assumed
  user_not_found: 400,
  no_service_id: 400, // assumed
  action_prohibited: 403,
  invalid_token: 403, // assumed
  posting_to_general_channel_denied: 403, // assumed
  channel_not_found: 404,
  no_service: 404, // assumed
  no_team: 404, // observed
  no_active_hooks: 404, // assumed
  channel_is_archived: 410,
  team_disabled: 410, // assumed
  rollup_error: 500,
} as const;

export type SlackErrorName = keyof typeof SLACK_ERROR_STATUS;
