import {
  defineAction,
  requestAccessToken,
  secretFingerprint,
  sendHttp,
  sendWithAccessToken,
  type AccessTokenSource,
  type DeliveryOutcome,
  type SendContext,
} from '@herald/channel-sdk';
import { readWorkNoticeAnswer } from './dingtalk.answer.js';
import {
  DingTalkWorkNoticeConfig,
  dingtalkApiUrl,
  WORK_NOTICE_SECRET_FIELDS,
  workNoticeConfigIssues,
} from './dingtalk.work-notice.config.js';
import { renderWorkNoticeBody } from './dingtalk.work-notice.render.js';

const MINUTE = 60_000;
export const GETTOKEN_PATH = '/gettoken';
export const ASYNCSEND_PATH = '/topapi/message/corpconversation/asyncsend_v2';

/** The internal app's access_token: from the shared cache, or from gettoken (7200 s, the same token while valid). */
export function appTokenSource(context: SendContext<DingTalkWorkNoticeConfig>): AccessTokenSource {
  const { config } = context;
  const origin = new URL(dingtalkApiUrl(config, '/', {})).host;
  return {
    cacheKey: `dingtalk:access-token:${origin}:${config.app_key}:${secretFingerprint(config.app_secret)}`,
    fetch: () =>
      requestAccessToken(context, {
        request: { method: 'GET', url: dingtalkApiUrl(config, GETTOKEN_PATH, { appkey: config.app_key, appsecret: config.app_secret }) },
        read: (response) => readWorkNoticeAnswer(response, 'the access token request').outcome,
        tokenField: 'access_token',
        expiresInField: 'expires_in',
        missingToken: 'DingTalk answered gettoken with errcode 0 but no access_token',
      }),
  };
}

/** One asyncsend_v2 call; DingTalk then delivers asynchronously (the answer carries a task_id). */
async function sendWorkNotice(context: SendContext<DingTalkWorkNoticeConfig>): Promise<DeliveryOutcome> {
  const body = renderWorkNoticeBody(context.config, context.message);
  return sendWithAccessToken(context, appTokenSource(context), async (token) => {
    let tokenRejected = false;
    const url = dingtalkApiUrl(context.config, ASYNCSEND_PATH, { access_token: token });
    const headers = { 'content-type': 'application/json;charset=utf-8' };
    const outcome = await sendHttp(context, { method: 'POST', url, headers, body }, (response) => {
      const reading = readWorkNoticeAnswer(response);
      tokenRejected = reading.tokenRejected;
      return reading.outcome;
    });
    return { outcome, tokenRejected };
  });
}

export const dingtalkWorkNotice = defineAction({
  id: 'dingtalk_work_notice',
  displayName: 'DingTalk work notification',
  displayNameZh: '钉钉工作通知',
  description: 'Send a work notification (工作通知) from a DingTalk internal app to people, departments or everyone: text or markdown.',
  descriptionZh: '由钉钉企业内部应用向指定的人、部门或全员发送工作通知：文本或 Markdown。',
  config: DingTalkWorkNoticeConfig,
  secretFields: WORK_NOTICE_SECRET_FIELDS,
  defaults: {
    retry: { maxAttempts: 6, initialDelayMs: 2_000, maxDelayMs: 5 * MINUTE },
    timeoutMs: 6_000,
    // Our own pacing per app, well under the organisation's per-minute quota (143103/143104 when exceeded).
    rateLimits: [{ max: 100, perMs: MINUTE }],
  },
  check: workNoticeConfigIssues,
  destination: (config) => `dingtalk-app:${config.app_key}/${config.agent_id}`,
  send: sendWorkNotice,
});
