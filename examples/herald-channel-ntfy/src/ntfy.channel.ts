import {
  defineAction,
  defineChannel,
  delivered,
  sendHttp,
  type ConfigIssue,
  type DeliveryOutcome,
  type SendContext,
} from '@herald/channel-sdk';
import { interpretNtfyAnswer } from './ntfy.answer.js';
import { NTFY_SECRET_FIELDS, NtfyTopicConfig } from './ntfy.config.js';
import { ntfyRequestHeaders } from './ntfy.headers.js';
import { MESSAGE_LIMIT_BYTES, renderNtfyMessage } from './ntfy.render.js';
import { topicUrlProblem } from './ntfy.topic.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

async function send(context: SendContext<NtfyTopicConfig>): Promise<DeliveryOutcome> {
  const message = renderNtfyMessage(context.config, context.message);
  const request = {
    method: 'POST' as const,
    url: context.config.service_url,
    headers: ntfyRequestHeaders(context.config, message),
    body: message.body,
  };
  const outcome = await sendHttp(context, request, interpretNtfyAnswer);
  if (outcome.status !== 'delivered' || !message.truncated) return outcome;
  return { ...outcome, ...delivered({ note: `the message was cut to ntfy's ${MESSAGE_LIMIT_BYTES}-byte limit` }) };
}

/** Runs after the decorators passed, so service_url is an http(s) URL: its path must name a topic. */
function check(config: NtfyTopicConfig): ConfigIssue[] {
  const problem = topicUrlProblem(config.service_url);
  return problem ? [{ field: 'service_url', message: `service_url ${problem}` }] : [];
}

/** ntfy limits each visitor (client address or user), not each topic: every topic of a server counts together. */
function destination(config: NtfyTopicConfig): string {
  return `ntfy:${new URL(config.service_url).origin}`;
}

export const ntfyTopicMessage = defineAction({
  id: 'ntfy_topic_message',
  displayName: 'ntfy topic',
  description: 'Publish the event to an ntfy topic, on ntfy.sh or your own server, as a push notification.',
  config: NtfyTopicConfig,
  secretFields: NTFY_SECRET_FIELDS,
  defaults: {
    // A notification an hour late is rarely worth much: 10 attempts from 5 s, doubling, at most 15 minutes apart.
    retry: { maxAttempts: 10, initialDelayMs: 5 * SECOND, maxDelayMs: 15 * MINUTE },
    timeoutMs: 6 * SECOND,
    // ntfy's visitor limit is a bucket of 60 refilled one every 5 s; 60 in any 5 minutes never empties it.
    rateLimits: [{ max: 60, perMs: 5 * MINUTE }],
  },
  check,
  destination,
  send,
});

export const ntfyChannel = defineChannel({
  id: 'ntfy',
  displayName: 'ntfy',
  actions: [ntfyTopicMessage],
});
