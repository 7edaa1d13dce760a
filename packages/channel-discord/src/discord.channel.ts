import {
  classifyHttpAnswer,
  defineAction,
  defineChannel,
  delivered,
  failed,
  parseJsonBody,
  parseRetryAfter,
  retryLater,
  sampleMessageContext,
  sendHttp,
  type ConfigIssue,
  type DeliveryOutcome,
  type HttpResponse,
  type SendContext,
} from '@herald/channel-sdk';
import { DISCORD_SECRET_FIELDS, DiscordWebhookConfig } from './discord.config.js';
import { describeDiscordError, type DiscordErrorBody } from './discord.errors.js';
import { parseCustomize, renderDiscordMessage } from './discord.render.js';

const SECOND = 1000;
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * SECOND;
const DISCORD_HOSTS = /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/i;
const WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/[\w-]+\/?$/;

/** Discord's answer → outcome. Discord speaks in HTTP statuses, with a JSON `code` for detail. */
export function interpretDiscordAnswer(response: HttpResponse, now = Date.now()): DeliveryOutcome {
  // 200 carries the saved message (we ask ?wait=true); 204 is the answer without wait.
  if (response.status === 200 || response.status === 204) return delivered();
  const body = parseJsonBody<DiscordErrorBody>(response) ?? {};
  const refused = `Discord refused the message: ${describeDiscordError(body, response.status)}`;
  switch (response.status) {
    case 429:
      return throttled(response, body, now);
    // 50027 Invalid Webhook Token: the token in the URL was reset or is wrong; no retry mends it.
    case 401:
      return failed(`${refused} — service_url's token is not valid; copy the webhook URL again`, { destinationGone: true });
    // 10015 Unknown Webhook: the webhook was deleted. Discord restricts clients that keep calling it.
    case 404:
      return body.code === 10015
        ? failed(`${refused} — the webhook was deleted`, { destinationGone: true })
        : failed(`${refused} — service_url is not a Discord webhook URL`);
    // 50035 Invalid Form Body names each bad field; 50006 is an empty message.
    case 400:
    case 403:
    case 413:
      return failed(refused);
    case 405:
      return failed(`${refused} — service_url does not point at a webhook`);
  }
  // 502 is Discord's "gateway unavailable"; it and any other 5xx are worth another attempt.
  return classifyHttpAnswer(response, 'Discord');
}

/**
 * 429: wait the longer of the Retry-After header and the body's `retry_after` (float seconds).
 * `global: true` means the whole server's IP is throttled; the reason says so, the core waits.
 */
function throttled(response: HttpResponse, body: DiscordErrorBody, now: number): DeliveryOutcome {
  const fromHeader = parseRetryAfter(response.headers['retry-after'], now);
  const fromBody = typeof body.retry_after === 'number' ? Math.min(Math.ceil(body.retry_after * SECOND), MAX_RETRY_AFTER_MS) : undefined;
  const waits = [fromHeader, fromBody].filter((wait): wait is number => wait !== undefined);
  const retryAfterMs = waits.length > 0 ? Math.max(...waits) : (parseRetryAfter(response.headers['x-ratelimit-reset-after']) ?? 2 * SECOND);
  const global = body.global === true || response.headers['x-ratelimit-global'] === 'true';
  const scope = global
    ? 'every request from this server (global limit)'
    : response.headers['x-ratelimit-scope'] === 'shared'
      ? "the webhook's channel"
      : 'this webhook';
  return retryLater(`Discord throttled ${scope}; retry after ${retryAfterMs / SECOND} s`, { retryAfterMs });
}

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
  description: 'Post to the Discord channel (or thread) of a webhook: Markdown text, an embed, or your own JSON body.',
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
  actions: [discordWebhook],
});
