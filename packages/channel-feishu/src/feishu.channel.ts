import { createHash } from 'node:crypto';
import { defineAction, defineChannel, sendHttp, type DeliveryOutcome, type SendContext } from '@herald/channel-sdk';
import { interpretAnswer } from './feishu.answer.js';
import { checkBotConfig, FEISHU_SECRET_FIELDS, FeishuBotConfig, hookToken } from './feishu.config.js';
import { feishuAppMessage } from './feishu.app-message.js';
import { renderBody } from './feishu.render.js';

const SECOND = 1_000;
const MINUTE = 60_000;

async function send(context: SendContext<FeishuBotConfig>): Promise<DeliveryOutcome> {
  const { config, delivery } = context;
  // The signature travels in the body, with a timestamp taken now: every retry is signed afresh.
  const body = renderBody(config, context.message, context.now());
  const headers = { 'content-type': 'application/json; charset=utf-8' };
  const attempt = { number: delivery.attempt, signed: Boolean(config.sign) };
  return sendHttp(context, { method: 'POST', url: config.service_url, headers, body }, (response) => interpretAnswer(response, attempt));
}

/** The rate limit counts per bot, so the key is its token (hashed: it is the credential). */
function botKey(config: FeishuBotConfig): string {
  return `feishu-bot:${createHash('sha256').update(hookToken(config.service_url)).digest('hex').slice(0, 32)}`;
}

export const feishuGroupChatRobot = defineAction({
  id: 'feishu_group_chat_robot',
  displayName: 'Feishu / Lark group bot',
  displayNameZh: '飞书群自定义机器人',
  description: 'Post to a Feishu or Lark group through a custom bot (自定义机器人): a card, text, rich text or a JSON body of your own.',
  descriptionZh: '通过自定义机器人发送到飞书或 Lark 群：消息卡片、文本、富文本，或自己编写的 JSON 请求体。',
  config: FeishuBotConfig,
  secretFields: FEISHU_SECRET_FIELDS,
  defaults: {
    // Six attempts, 2 s doubling, waits capped at the one-minute throttle window.
    retry: { maxAttempts: 6, initialDelayMs: 2_000, maxDelayMs: MINUTE },
    timeoutMs: 6_000,
    // "100 requests a minute and 5 a second, per tenant per bot."
    rateLimits: [
      { max: 5, perMs: SECOND },
      { max: 100, perMs: MINUTE },
    ],
  },
  check: checkBotConfig,
  destination: botKey,
  send,
});

export const feishuChannel = defineChannel({
  id: 'feishu',
  displayName: 'Feishu / Lark',
  displayNameZh: '飞书 / Lark',
  actions: [feishuGroupChatRobot, feishuAppMessage],
});
