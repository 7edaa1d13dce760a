import {
  defineAction,
  delivered,
  excerpt,
  failed,
  requestAccessToken,
  secretFingerprint,
  sendHttp,
  sendWithAccessToken,
  type AccessTokenSource,
  type DeliveryOutcome,
  type SendContext,
  type TokenAttempt,
} from '@herald/channel-sdk';
import { readFeishuAppAnswer } from './feishu.answer.js';
import { FEISHU_APP_SECRET_FIELDS, FeishuAppMessageConfig, feishuApiUrl, feishuAppConfigIssues } from './feishu.app-message.config.js';
import { renderAppMessageBody } from './feishu.app-message.render.js';

const SECOND = 1_000;
const MINUTE = 60_000;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
export const TENANT_TOKEN_PATH = '/open-apis/auth/v3/tenant_access_token/internal';
export const MESSAGES_PATH = '/open-apis/im/v1/messages';

/**
 * Feishu hands out a new token once less than 30 minutes remain (the old one stays valid), so a
 * token is kept until 30 minutes before its `expire`.
 */
export function tenantTokenSource(context: SendContext<FeishuAppMessageConfig>): AccessTokenSource {
  const { config } = context;
  const origin = new URL(feishuApiUrl(config, '/')).host;
  return {
    cacheKey: `feishu:tenant-access-token:${origin}:${config.app_id}:${secretFingerprint(config.app_secret)}`,
    marginMs: 30 * MINUTE,
    fetch: () => {
      const body = JSON.stringify({ app_id: config.app_id, app_secret: config.app_secret });
      return requestAccessToken(context, {
        request: { method: 'POST', url: feishuApiUrl(config, TENANT_TOKEN_PATH), headers: JSON_HEADERS, body },
        read: (response) => readFeishuAppAnswer(response, 'the tenant_access_token request').outcome,
        tokenField: 'tenant_access_token',
        expiresInField: 'expire',
        missingToken: 'Feishu answered the tenant_access_token request with code 0 but no token',
      });
    },
  };
}

async function sendAppMessage(context: SendContext<FeishuAppMessageConfig>): Promise<DeliveryOutcome> {
  return sendWithAccessToken(context, tenantTokenSource(context), (token) => sendToEveryReceiver(context, token));
}

/**
 * One message per receiver, in order. A refused token or a throttle stops the round (the next
 * round sends again to everyone; each message's uuid keeps Feishu from delivering a repeat). A
 * receiver refused for good does not stop the others: the delivery then carries a note.
 */
async function sendToEveryReceiver(context: SendContext<FeishuAppMessageConfig>, token: string): Promise<TokenAttempt> {
  const refusals: Array<{ receiveId: string; outcome: DeliveryOutcome }> = [];
  let last: DeliveryOutcome | undefined;
  for (const receiveId of context.config.receive_ids) {
    const attempt = await sendToReceiver(context, token, receiveId);
    if (attempt.tokenRejected || attempt.outcome.status === 'retry') return attempt;
    last = attempt.outcome;
    if (attempt.outcome.status === 'failed') refusals.push({ receiveId, outcome: attempt.outcome });
  }
  const total = context.config.receive_ids.length;
  if (refusals.length === 0) return { outcome: last!, tokenRejected: false };
  const said = refusals.map(({ receiveId, outcome }) => `${receiveId}: ${'reason' in outcome ? outcome.reason : ''}`).join('; ');
  if (refusals.length === total) {
    const reason = total === 1 ? said.slice(said.indexOf(': ') + 2) : excerpt(`every receiver was refused — ${said}`, 1000);
    return { outcome: { ...refusals[0]!.outcome, ...failed(reason) }, tokenRejected: false };
  }
  const note = excerpt(`Feishu did not deliver to ${refusals.length} of ${total} receivers — ${said}`, 500);
  return { outcome: { ...delivered({ note }), request: last?.request, response: last?.response }, tokenRejected: false };
}

async function sendToReceiver(context: SendContext<FeishuAppMessageConfig>, token: string, receiveId: string): Promise<TokenAttempt> {
  const { config } = context;
  const body = renderAppMessageBody(config, context.message, receiveId, context.delivery.id);
  const url = `${feishuApiUrl(config, MESSAGES_PATH)}?receive_id_type=${config.receive_id_type}`;
  let tokenRejected = false;
  const headers = { ...JSON_HEADERS, authorization: `Bearer ${token}` };
  const outcome = await sendHttp(context, { method: 'POST', url, headers, body }, (response) => {
    const reading = readFeishuAppAnswer(response);
    tokenRejected = reading.tokenRejected;
    return reading.outcome;
  });
  return { outcome, tokenRejected };
}

/** The app's limits: 1000 calls a minute and 50 a second for im/v1/messages, counted per app. */
export const feishuAppMessage = defineAction({
  id: 'feishu_app_message',
  displayName: 'Feishu / Lark app message',
  displayNameZh: '飞书应用消息',
  description:
    'Send a message from a Feishu or Lark app (自建应用) to people or chats: one message per receiver, by open_id, user_id, union_id, email or chat_id.',
  descriptionZh: '由飞书或 Lark 自建应用向人或群发送消息：每个接收者单独收到一条，按 open_id、user_id、union_id、email 或 chat_id 指定。',
  config: FeishuAppMessageConfig,
  secretFields: FEISHU_APP_SECRET_FIELDS,
  defaults: {
    // Six attempts within about five minutes: well inside the hour in which Feishu drops repeats of a uuid.
    retry: { maxAttempts: 6, initialDelayMs: 2_000, maxDelayMs: MINUTE },
    timeoutMs: 6_000,
    rateLimits: [
      { max: 50, perMs: SECOND },
      { max: 1000, perMs: MINUTE },
    ],
  },
  check: feishuAppConfigIssues,
  destination: (config) => `feishu-app:${config.app_id}`,
  send: sendAppMessage,
});
