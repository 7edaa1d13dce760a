import type { FakeAnswer } from '@herald/channel-sdk/fakes';

/**
 * Feishu's answers as the custom-bot hook gives them, HTTP status and body, named after their
 * case. Business refusals come with HTTP 200; the gateway's 9499 comes with HTTP 400.
 */
export const feishuAnswers = {
  ok: json(200, { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' }),
  badRequest: json(400, { code: 9499, msg: 'Bad Request', data: {} }),
  failToParseContent: json(400, { code: 9499, msg: 'Bad Request: fail to parse content', data: {} }),
  tooManyRequest: json(400, { code: 9499, msg: 'too many request', data: {} }),
  tokenInvalid: json(200, { code: 19001, data: {}, msg: 'param invalid: incoming webhook access token invalid' }),
  signMatchFail: json(200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' }),
  ipNotAllowed: json(200, { code: 19022, msg: 'Ip Not Allowed' }),
  keyWordsNotFound: json(200, { code: 19024, msg: 'Key Words Not Found' }),
  frequencyLimited: json(200, { code: 11232, data: {}, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]' }),
  sizeLimit: json(200, { code: 19036, msg: 'The message exceeds the size limit of 30KB' }),
} satisfies Record<string, FakeAnswer>;

function json(status: number, body: Record<string, unknown>): FakeAnswer & { body: Record<string, unknown> } {
  return { status, body };
}
