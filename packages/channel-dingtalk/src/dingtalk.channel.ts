import { createHash } from 'node:crypto';
import { defineAction, defineChannel, sendHttp, type DeliveryOutcome, type SendContext } from '@herald/channel-sdk';
import { interpretAnswer, THROTTLE_MS } from './dingtalk.answer.js';
import { checkRobotConfig, DINGTALK_SECRET_FIELDS, DingTalkRobotConfig } from './dingtalk.config.js';
import { renderBody } from './dingtalk.render.js';
import { signedWebhookUrl } from './dingtalk.sign.js';
import { dingtalkWorkNotice } from './dingtalk.work-notice.js';

const MINUTE = 60_000;

async function send(context: SendContext<DingTalkRobotConfig>): Promise<DeliveryOutcome> {
  const { config, delivery } = context;
  const body = renderBody(config, context.message, delivery.id);
  // 加签 goes in the URL, with a timestamp taken now: every retry is signed afresh.
  const url = config.sign ? signedWebhookUrl(config.service_url, config.sign, context.now()) : config.service_url;
  const headers = { 'content-type': 'application/json;charset=utf-8' };
  return sendHttp(context, { method: 'POST', url, headers, body }, (response) => interpretAnswer(response, delivery.attempt));
}

/** The rate limit counts per robot, so the key is its access_token (hashed: it is the credential). */
function robotKey(config: DingTalkRobotConfig): string {
  const token = new URL(config.service_url).searchParams.get('access_token') ?? config.service_url;
  return `dingtalk-robot:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
}

export const dingdingGroupChatRobot = defineAction({
  id: 'dingding_group_chat_robot',
  displayName: 'DingTalk group robot',
  displayNameZh: '钉钉群自定义机器人',
  description: 'Post to a DingTalk group through a custom robot (自定义机器人): text, markdown or a JSON body of your own.',
  descriptionZh: '通过自定义机器人发送到钉钉群：文本、Markdown，或自己编写的 JSON 请求体。',
  config: DingTalkRobotConfig,
  secretFields: DINGTALK_SECRET_FIELDS,
  defaults: {
    // Six attempts, 2 s doubling; waits may reach the 10-minute throttle window but no further.
    retry: { maxAttempts: 6, initialDelayMs: 2_000, maxDelayMs: THROTTLE_MS },
    timeoutMs: 6_000,
    rateLimits: [{ max: 20, perMs: MINUTE }],
  },
  check: checkRobotConfig,
  destination: robotKey,
  send,
});

export const dingtalkChannel = defineChannel({
  id: 'dingtalk',
  displayName: 'DingTalk',
  displayNameZh: '钉钉',
  actions: [dingdingGroupChatRobot, dingtalkWorkNotice],
});
