import {
  defineAction,
  defineChannel,
  parseJsonBody,
  sendWithAccessToken,
  sendHttp,
  type DeliveryOutcome,
  type SendContext,
} from '@herald/channel-sdk';
import { classifyWeComAnswer, TOKEN_REJECTED, type WeComAnswer } from './wecom.answer.js';
import {
  APP_SECRET_FIELDS,
  appConfigIssues,
  robotConfigIssues,
  ROBOT_SECRET_FIELDS,
  WeComAppConfig,
  WeComRobotConfig,
} from './wecom.config.js';
import { renderAppBody, renderRobotBody, renderRobotFollowUp } from './wecom.render.js';
import { accessTokenSource, apiUrl } from './wecom.token.js';

const MINUTE = 60_000;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** A throttled robot recovers within its one-minute window: a few attempts over about four minutes. */
const retry = { maxAttempts: 8, initialDelayMs: 2_000, maxDelayMs: 2 * MINUTE };

/**
 * Posts the message; a markdown message that mentions mobiles or everyone is followed by a text
 * message that carries them. The message has arrived by then, so the follow-up's failure does not
 * send it again: it is delivered, with a note saying whom the mentions missed.
 */
async function sendRobotMessage(context: SendContext<WeComRobotConfig>): Promise<DeliveryOutcome> {
  const post = (body: string) =>
    sendHttp(context, { method: 'POST', url: context.config.service_url, headers: JSON_HEADERS, body }, (response) =>
      classifyWeComAnswer(response),
    );
  const outcome = await post(renderRobotBody(context.config, context.message));
  const followUp = renderRobotFollowUp(context.config, context.message);
  if (outcome.status !== 'delivered' || !followUp) return outcome;
  const mentioned = await post(followUp);
  if (mentioned.status === 'delivered') return outcome;
  return { ...outcome, note: `the message arrived, but the text message with its mentions by mobile or @all did not: ${mentioned.reason}` };
}

/**
 * WeCom may invalidate an access token before `expires_in` (42001, 40014, 41001): then a fresh
 * one is fetched and the message sent again at once, a single time (`sendWithAccessToken`).
 */
async function sendAppMessage(context: SendContext<WeComAppConfig>): Promise<DeliveryOutcome> {
  const body = renderAppBody(context.config, context.message);
  return sendWithAccessToken(context, accessTokenSource(context), async (token) => {
    let tokenRejected = false;
    const url = apiUrl(context.config, '/cgi-bin/message/send', { access_token: token });
    const outcome = await sendHttp(context, { method: 'POST', url, headers: JSON_HEADERS, body }, (response) => {
      const errcode = parseJsonBody<WeComAnswer>(response)?.errcode;
      tokenRejected = response.status === 200 && typeof errcode === 'number' && TOKEN_REJECTED.has(errcode);
      return classifyWeComAnswer(response);
    });
    return { outcome, tokenRejected };
  });
}

export const wecomGroupChatRobot = defineAction({
  id: 'wecom_group_chat_robot',
  displayName: 'WeCom group robot',
  displayNameZh: '企业微信群机器人',
  description: 'Post to a WeCom group through a robot webhook (群机器人): text, markdown or your own JSON body.',
  descriptionZh: '通过群机器人的 Webhook 发送到企业微信群：文本、Markdown，或自己编写的 JSON 请求体。',
  config: WeComRobotConfig,
  secretFields: ROBOT_SECRET_FIELDS,
  defaults: { retry, timeoutMs: 6_000, rateLimits: [{ max: 20, perMs: MINUTE }] },
  check: robotConfigIssues,
  send: sendRobotMessage,
});

/**
 * Members get at most 30 messages a minute and 1000 an hour from one application, and WeCom drops
 * the excess silently; every message of this action reaches each of its members at most once, so
 * counting per application keeps every member under the limits.
 */
export const wecomAppMessage = defineAction({
  id: 'wecom_app_message',
  displayName: 'WeCom application message',
  displayNameZh: '企业微信应用消息',
  description: 'Send a text or markdown message to WeCom accounts through an application (应用消息).',
  descriptionZh: '通过企业自建应用向成员（或部门、标签）发送应用消息：文本或 Markdown。',
  config: WeComAppConfig,
  secretFields: APP_SECRET_FIELDS,
  defaults: {
    retry,
    timeoutMs: 6_000,
    rateLimits: [
      { max: 30, perMs: MINUTE },
      { max: 1000, perMs: 60 * MINUTE },
    ],
  },
  check: appConfigIssues,
  destination: (config) => `${config.corp_id}/${config.agent_id}`,
  send: sendAppMessage,
});

export const wecomChannel = defineChannel({
  id: 'wecom',
  displayName: 'WeCom (企业微信)',
  displayNameZh: '企业微信',
  actions: [wecomGroupChatRobot, wecomAppMessage],
});
