import { randomBytes } from 'node:crypto';
import { FakeServer, SlidingWindow, type FakeAnswer, type ReceivedRequest } from '@herald/channel-sdk/fakes';
import type { SlackMessage } from '../slack.message.js';
import { bodyRefusal } from './slack-body-rules.js';
import { SLACK_ERROR_STATUS, type SlackErrorName } from './slack-errors.js';

export interface FakeSlackOptions {
  /** At most `max` messages to one webhook in any `windowMs`. Slack's "one a second" by default. */
  rateLimit?: { max: number; windowMs: number };
}

/** A message the fake accepted, as Slack would have posted it. */
export interface AcceptedSlackMessage {
  /** The webhook path, `/services/T…/B…/…`. */
  webhook: string;
  body: SlackMessage;
  receivedAt: number;
}

const WEBHOOK_PATH = /^\/services\/(T[A-Z0-9]+)\/(B[A-Z0-9]+)\/([A-Za-z0-9]+)$/;

/**
 * Slack's incoming webhooks on 127.0.0.1. Create webhooks with `createWebhook()`; the fake then
 * answers as Slack does, with a status and a plain-text body: `ok` on success; `no_team`,
 * `no_service` or `invalid_token` for unknown webhook URLs; `invalid_payload`, `no_text`,
 * `too_many_attachments` or `invalid_blocks` for bodies Slack refuses; 429 with `Retry-After`
 * over the rate limit. Script platform errors with `failNext`; read accepted `messages`.
 *
 * ```ts
 * const slack = await new FakeSlack().start();
 * const service_url = slack.createWebhook();
 * // … send, then: expect(slack.messages[0].body.text).toContain('build.failed');
 * ```
 */
function pathOf(request: ReceivedRequest): string {
  return request.url.split('?')[0]!;
}

export class FakeSlack extends FakeServer {
  readonly messages: AcceptedSlackMessage[] = [];
  /** The id of the one workspace this fake serves; every webhook belongs to it. */
  readonly team = `T${hexId(8)}`;
  private readonly webhooks = new Set<string>();
  private readonly windows = new Map<string, SlidingWindow>();

  constructor(readonly options: FakeSlackOptions = {}) {
    super();
    this.handler = (request) => this.answer(request);
  }

  /** Registers a new webhook of the workspace and returns its URL (start the fake first). */
  createWebhook(): string {
    const path = `/services/${this.team}/B${hexId(10)}/${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
    this.webhooks.add(path);
    return `${this.url}${path}`;
  }

  /** Removes a webhook, as when its app is uninstalled: later requests get `no_service`. */
  removeWebhook(url: string): void {
    this.webhooks.delete(new URL(url).pathname);
  }

  /** Answers the next `count` valid requests with a Slack error (or a 429, `rate_limited`) instead of posting. */
  failNext(error: SlackErrorName | 'rate_limited', count = 1, retryAfterSeconds = 1): this {
    const answer = (request: ReceivedRequest) =>
      error === 'rate_limited' ? this.throttled(pathOf(request), retryAfterSeconds) : slackError(error);
    return this.answerNext(answer, count, (request) => request.method === 'POST' && this.webhookRefusal(pathOf(request)) === undefined);
  }

  /** Forgets requests, messages, scripted errors and rate-limit windows; webhooks stay. */
  override reset(): void {
    super.reset();
    this.messages.length = 0;
    this.windows.clear();
  }

  private answer(request: ReceivedRequest): FakeAnswer {
    const path = pathOf(request);
    const unknown = this.webhookRefusal(path);
    if (unknown) return slackError(unknown);
    if (request.method !== 'POST') return slackError('invalid_payload');
    if (!this.window(path).admit(request.receivedAt)) return this.throttled(path, Math.ceil(this.window(path).windowMs / 1000));
    const refusal = bodyRefusal(request.headers['content-type'], request.body);
    if (refusal) return slackError(refusal.error);
    this.messages.push({ webhook: path, body: JSON.parse(request.body) as SlackMessage, receivedAt: request.receivedAt });
    return { status: 200, body: 'ok' };
  }

  /** Slack names the first part of the URL it cannot match: the workspace, then the webhook, then the token. */
  private webhookRefusal(path: string): SlackErrorName | undefined {
    if (this.webhooks.has(path)) return undefined;
    const match = WEBHOOK_PATH.exec(path);
    if (!match) return 'no_service';
    if (match[1] !== this.team) return 'no_team';
    const bots = [...this.webhooks].map((webhook) => WEBHOOK_PATH.exec(webhook)![2]);
    return bots.includes(match[2]) ? 'invalid_token' : 'no_service';
  }

  /** The limit in force: the constructor's, or Slack's one message a second per webhook. */
  get rateLimit(): { max: number; windowMs: number } {
    return this.options.rateLimit ?? { max: 1, windowMs: 1000 };
  }

  private window(path: string): SlidingWindow {
    const { max, windowMs } = this.rateLimit;
    if (!this.windows.has(path)) this.windows.set(path, new SlidingWindow(max, windowMs));
    return this.windows.get(path)!;
  }

  /** Slack's 429: a JSON counter body and Retry-After in seconds. */
  private throttled(path: string, retryAfterSeconds: number): FakeAnswer {
    const now = Date.now();
    const since = (milliseconds: number) =>
      this.messages.filter((message) => message.webhook === path && message.receivedAt > now - milliseconds).length;
    return {
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds) },
      body: { ok: false, count_hour_ago: since(3_600_000), count_minute_ago: since(60_000), count_second_ago: since(1000) },
    };
  }
}

function slackError(error: SlackErrorName): FakeAnswer {
  return { status: SLACK_ERROR_STATUS[error], body: error };
}

function hexId(length: number): string {
  return randomBytes(length).toString('hex').slice(0, length).toUpperCase();
}
