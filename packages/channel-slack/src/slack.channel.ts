import {
  defineAction,
  defineChannel,
  sampleMessageContext,
  sendHttp,
  type ConfigIssue,
  type DeliveryOutcome,
  type SendContext,
} from '@herald/channel-sdk';
import { interpretSlackAnswer } from './slack.answer.js';
import { SLACK_SECRET_FIELDS, SlackIncomingWebhookConfig } from './slack.config.js';
import { parseCustomize, renderSlackBody } from './slack.render.js';

const SECOND = 1000;

async function send(context: SendContext<SlackIncomingWebhookConfig>): Promise<DeliveryOutcome> {
  const body = renderSlackBody(context.config, context.message);
  const headers = { 'content-type': 'application/json; charset=utf-8' };
  return sendHttp(context, { method: 'POST', url: context.config.service_url, headers, body }, (response) =>
    interpretSlackAnswer(response, context.now()),
  );
}

/** customize needs a template that renders (with the sample event) to a body Slack takes. */
function check(config: SlackIncomingWebhookConfig): ConfigIssue[] {
  if (config.msg_type !== 'customize') return [];
  if (!config.template) return [{ field: 'template', message: 'template is required when msg_type is customize' }];
  const result = parseCustomize(config.template, sampleMessageContext());
  return 'problem' in result ? [{ field: 'template', message: `template ${result.problem}` }] : [];
}

export const slackIncomingWebhook = defineAction({
  id: 'slack_incoming_webhook',
  displayName: 'Slack incoming webhook',
  displayNameZh: 'Slack 传入 Webhook',
  description: 'Post to the Slack channel of an incoming webhook: mrkdwn text, Block Kit, or your own JSON body.',
  descriptionZh: '发送到传入 Webhook（Incoming Webhook）所属的 Slack 频道：mrkdwn 文本、Block Kit，或自己编写的 JSON 请求体。',
  config: SlackIncomingWebhookConfig,
  secretFields: SLACK_SECRET_FIELDS,
  defaults: {
    // Slack's throttle window is a second and its outages short: give up after about four minutes.
    retry: { maxAttempts: 8, initialDelayMs: 2_000, maxDelayMs: 120_000 },
    timeoutMs: 6_000,
    // "No more than one message per second" per webhook, short bursts allowed.
    rateLimits: [{ max: 1, perMs: SECOND }],
  },
  check,
  send,
});

export const slackChannel = defineChannel({
  id: 'slack',
  displayName: 'Slack',
  displayNameZh: 'Slack',
  actions: [slackIncomingWebhook],
});
