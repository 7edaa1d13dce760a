import type { FakeAnswer } from '@herald/channel-sdk/fakes';

/** An Open Platform refusal as im/v1 gives it: the code, the msg and a log id, with its HTTP status. */
function refusal(
  status: number,
  code: number,
  msg: string,
  headers?: Record<string, string>,
): FakeAnswer & { body: Record<string, unknown> } {
  return { status, ...(headers ? { headers } : {}), body: { code, msg, error: { log_id: '20240115103000FAKE0FEISHU0APP0LOG' } } };
}

/**
 * Feishu's answers to a self-built app (tenant_access_token/internal and im/v1/messages), named
 * after their case, for scripting failures with `FakeFeishuApp.failNext`. Texts of 230001 and
 * 99991400 follow Feishu's documents; the others are the messages seen in public logs.
 */
export const feishuAppAnswers = {
  invalidParam: refusal(400, 10003, 'invalid param'),
  appSecretInvalid: refusal(400, 10014, 'app secret invalid'),
  tokenInvalid: refusal(400, 99991663, 'Invalid access token for authorization. Please make a request with token attached.'),
  tokenMissing: refusal(400, 99991661, 'Missing access token for authorization. Please make a request with token attached.'),
  tokenExpired: refusal(400, 99991677, 'Authentication token expired.'),
  frequencyLimit: refusal(429, 99991400, 'request trigger frequency limit', {
    'x-ogw-ratelimit-limit': '50',
    'x-ogw-ratelimit-reset': '1',
  }),
  receiverFrequencyLimit: refusal(400, 230020, 'This operation triggers the frequency limit.'),
  invalidReceiveId: refusal(400, 230001, 'Your request contains an invalid request parameter, ext=invalid receive_id.'),
  invalidContent: refusal(400, 230001, 'Your request contains an invalid request parameter, ext=content is not a string in json format.'),
  invalidMsgType: refusal(400, 230001, 'Your request contains an invalid request parameter, ext=invalid msg_type.'),
  botNotInChat: refusal(400, 230002, 'The bot can not be outside the group.'),
  botAbilityOff: refusal(400, 230006, 'Bot ability is not activated.'),
  noAvailability: refusal(400, 230013, 'Bot has NO availability to this user.'),
  contentTooLong: refusal(400, 230025, 'The length of the message content reaches its limit.'),
  cardContentFailed: refusal(400, 230099, 'Failed to create card content.'),
  noPermission: refusal(400, 99991672, 'Access denied. One of the following scopes is required: [im:message, im:message:send_as_bot].'),
  fieldValidationFailed: refusal(400, 99992402, 'field validation failed'),
} satisfies Record<string, FakeAnswer>;
