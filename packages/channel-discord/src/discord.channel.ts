import {
  defineAction,
  defineChannel,
  failed,
  sampleMessageContext,
  sendHttp,
  type ConfigIssue,
  type DeliveryOutcome,
  type SendContext,
} from '@herald/channel-sdk';
import { interpretDiscordAnswer } from './discord.answer.js';
import { DISCORD_SECRET_FIELDS, DiscordWebhookConfig } from './discord.config.js';
import { parseCustomize, renderDiscordMessage } from './discord.render.js';

const SECOND = 1000;
const DISCORD_HOSTS = /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/i;
const WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/[\w-]+\/?$/;

/**
 * Posts with `?wait=true`: without it Discord answers 204 before saving and "unsaved messages
 * don't error", so a refusal would pass for a delivery. Other query parameters (thread_id) stay.
 */
export function executeWebhookUrl(serviceUrl: string): string {
  const url = new URL(serviceUrl);
  url.searchParams.set('wait', 'true');
  return url.toString();
}

async function send(context: SendContext<DiscordWebhookConfig>): Promise<DeliveryOutcome> {
  const rendered = renderDiscordMessage(context.config, context.message);
  if ('problem' in rendered) return failed(`Herald did not send it: ${rendered.problem}`);
  const request = {
    method: 'POST' as const,
    url: executeWebhookUrl(context.config.service_url),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rendered.message),
  };
  return sendHttp(context, request, (response) => interpretDiscordAnswer(response, context.now()));
}

/** A discord.com URL must have the webhook's shape; customize needs a template that renders to a body. */
function check(config: DiscordWebhookConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const url = new URL(config.service_url);
  if (DISCORD_HOSTS.test(url.hostname) && !WEBHOOK_PATH.test(url.pathname)) {
    issues.push({ field: 'service_url', message: 'service_url must be a webhook URL like https://discord.com/api/webhooks/<id>/<token>' });
  }
  if (config.msg_type === 'customize') {
    const result = config.template
      ? parseCustomize(config.template, sampleMessageContext())
      : { problem: 'is required when msg_type is customize' };
    if ('problem' in result) issues.push({ field: 'template', message: `template ${result.problem}` });
  }
  return issues;
}

/** Rate limits count per webhook id, whichever host, API version or thread the URL names. */
function destination(config: DiscordWebhookConfig): string {
  const url = new URL(config.service_url);
  const webhookId = WEBHOOK_PATH.exec(url.pathname)?.[1];
  return webhookId ? `discord:webhook:${webhookId}` : `${url.origin}${url.pathname}`;
}

export const discordWebhook = defineAction({
  id: 'discord_webhook',
  displayName: 'Discord webhook',
  displayNameZh: 'Discord 频道 Webhook',
  description: 'Post to the Discord channel (or thread) of a webhook: Markdown text, an embed, or your own JSON body.',
  descriptionZh: '发送到 Webhook 所属的 Discord 频道（或子区）：Markdown 文本、嵌入内容（embed），或自己编写的 JSON 请求体。',
  config: DiscordWebhookConfig,
  secretFields: DISCORD_SECRET_FIELDS,
  defaults: {
    // Discord's windows are seconds (per webhook) to a minute (per channel): give up after about four minutes.
    retry: { maxAttempts: 8, initialDelayMs: 2_000, maxDelayMs: 120_000 },
    timeoutMs: 6_000,
    // 5 per 2 s per webhook, and the channel's hidden 30 a minute, which one webhook can never exceed alone.
    rateLimits: [
      { max: 5, perMs: 2 * SECOND },
      { max: 30, perMs: 60 * SECOND },
    ],
  },
  check,
  destination,
  send,
});

export const discordChannel = defineChannel({
  id: 'discord',
  displayName: 'Discord',
  displayNameZh: 'Discord',
  actions: [discordWebhook],
});
