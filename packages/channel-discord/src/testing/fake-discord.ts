import { FakeServer, SlidingWindow, type FakeAnswer, type ReceivedRequest, type ScriptedFakeAnswer } from '@herald/channel-sdk/fakes';
import { discordAnswers } from './discord-answers.js';
import { discordBodyErrors, errorTree, isEmptyMessage } from './discord-body-rules.js';

export interface FakeDiscordOptions {
  /** The webhook's id (a snowflake); a default is chosen. */
  webhookId?: string;
  /** The webhook's token; a default of Discord's length is chosen. */
  webhookToken?: string;
  /** The per-webhook limit; Discord's is 5 requests in any 2 seconds. */
  webhookLimit?: { max: number; windowMs: number };
  /** The channel's hidden limit, shared by its webhooks; Discord's is 30 messages a minute. */
  channelLimit?: { max: number; windowMs: number };
  /** Refuse bodies without `allowed_mentions` (Herald's rule, on by default; Discord itself does not). */
  requireAllowedMentions?: boolean;
}

/** A message the fake posted: the body as sent, and the thread it went to. */
export interface PostedMessage {
  body: Record<string, any>;
  threadId?: string;
  request: ReceivedRequest;
}

const WEBHOOK_ROUTE = /^\/api(?:\/v\d+)?\/webhooks\/([^/]+)\/([^/]+)\/?$/;

/**
 * A Discord webhook on 127.0.0.1 that checks what Discord checks and answers as Discord does:
 * the route (404 / 405), the webhook id (404 10015) and token (401 50027), the rate limits
 * (429 with Discord's body and headers), the JSON body and every content and embed limit (400
 * 50035 naming the fields), empty messages (400 50006) and Herald's `allowed_mentions` rule.
 * Accepted messages are kept in `messages`; the answer is 204, or 200 with the message for `?wait=true`.
 *
 * ```ts
 * const discord = await new FakeDiscord().start();
 * await sendOnce(discordChannel, { config: { service_url: discord.webhookUrl }, event });
 * discord.messages[0].body.embeds[0].title; // 'build.failed'
 * discord.answerNext(discordAnswers.rateLimited(1.5)); // the next request is throttled
 * ```
 */
export class FakeDiscord extends FakeServer {
  readonly webhookId: string;
  readonly webhookToken: string;
  readonly messages: PostedMessage[] = [];
  private webhookWindow!: SlidingWindow;
  private channelWindow!: SlidingWindow;
  private deleted = false;

  constructor(readonly options: FakeDiscordOptions = {}) {
    super();
    this.webhookId = options.webhookId ?? '1234567890123456789';
    this.webhookToken = options.webhookToken ?? `fakeToken-${'Ab1_'.repeat(15)}xyz`;
    this.reset();
    this.handler = (request) => this.answer(request);
  }

  /** The webhook's execute URL, as Discord shows it in the channel settings. */
  get webhookUrl(): string {
    return `${this.url}/api/webhooks/${this.webhookId}/${this.webhookToken}`;
  }

  /** Answers the next `times` requests that reach the webhook (right id and token, POST) with `answer` (see `discordAnswers`). */
  override answerNext(answer: ScriptedFakeAnswer, times = 1, when = (request: ReceivedRequest) => this.reachesWebhook(request)): this {
    return super.answerNext(answer, times, when);
  }

  /** Deletes the webhook: from now on every request gets 404 10015 Unknown Webhook. */
  deleteWebhook(): void {
    this.deleted = true;
  }

  /** Forgets requests, messages, scripted answers and rate-limit windows; restores a deleted webhook. */
  override reset(): void {
    super.reset();
    this.messages.length = 0;
    this.deleted = false;
    const webhook = this.options.webhookLimit ?? { max: 5, windowMs: 2_000 };
    const channel = this.options.channelLimit ?? { max: 30, windowMs: 60_000 };
    this.webhookWindow = new SlidingWindow(webhook.max, webhook.windowMs);
    this.channelWindow = new SlidingWindow(channel.max, channel.windowMs);
  }

  private reachesWebhook(request: ReceivedRequest): boolean {
    const route = WEBHOOK_ROUTE.exec(new URL(request.url, 'http://fake.discord').pathname);
    return request.method === 'POST' && route?.[1] === this.webhookId && route[2] === this.webhookToken && !this.deleted;
  }

  private answer(request: ReceivedRequest): FakeAnswer {
    const url = new URL(request.url, 'http://fake.discord');
    const route = WEBHOOK_ROUTE.exec(url.pathname);
    if (!route) return discordAnswers.notFound();
    if (request.method !== 'POST') return discordAnswers.methodNotAllowed();
    if (route[1] !== this.webhookId || this.deleted) return discordAnswers.unknownWebhook();
    if (route[2] !== this.webhookToken) return discordAnswers.invalidWebhookToken();
    return this.throttle() ?? this.post(request, url.searchParams);
  }

  /** Discord's 429: the per-webhook bucket first, then the channel's hidden one. */
  private throttle(): FakeAnswer | undefined {
    const now = Date.now();
    const { webhookWindow: webhook, channelWindow: channel } = this;
    if (!webhook.admit(now)) return discordAnswers.rateLimited(webhook.windowMs / 1000, { limit: webhook.max });
    if (!channel.admit(now)) return discordAnswers.rateLimited(channel.windowMs / 1000, { limit: channel.max, scope: 'shared' });
    return undefined;
  }

  private post(request: ReceivedRequest, query: URLSearchParams): FakeAnswer {
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return discordAnswers.invalidFormBody({
        _errors: [{ code: 'CONTENT_TYPE_INVALID', message: 'Expected "Content-Type" header to be "application/json".' }],
      });
    }
    let body: any;
    try {
      body = JSON.parse(request.body);
    } catch {
      return discordAnswers.invalidJson();
    }
    const errors = discordBodyErrors(body, { requireAllowedMentions: this.options.requireAllowedMentions ?? true });
    if (errors.length > 0) return discordAnswers.invalidFormBody(errorTree(errors));
    if (isEmptyMessage(body)) return discordAnswers.emptyMessage();
    const threadId = query.get('thread_id') ?? undefined;
    this.messages.push({ body, request, ...(threadId ? { threadId } : {}) });
    return query.get('wait') === 'true' ? { status: 200, body: this.savedMessage(body, threadId) } : { status: 204 };
  }

  /** The message object Discord returns for `?wait=true`, trimmed to the fields callers read. */
  private savedMessage(body: Record<string, any>, threadId?: string): Record<string, unknown> {
    return {
      id: String(1_300_000_000_000_000_000n + BigInt(this.messages.length)),
      type: 0,
      content: body.content ?? '',
      channel_id: threadId ?? '1100000000000000001',
      author: { id: this.webhookId, username: body.username ?? 'Captain Hook', avatar: null, discriminator: '0000', bot: true },
      embeds: body.embeds ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      flags: 0,
      webhook_id: this.webhookId,
    };
  }
}
