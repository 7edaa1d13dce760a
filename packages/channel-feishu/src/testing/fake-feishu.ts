import { createHmac } from 'node:crypto';
import { FakeServer, SlidingWindow, type FakeAnswer, type ReceivedRequest } from '@herald/channel-sdk/fakes';
import { feishuAnswers } from './feishu-answers.js';
import { searchableText, shapeProblem } from './message-shape.js';

/** One custom bot the fake knows. */
export interface FakeBot {
  /** The token at the end of its hook URL. */
  token: string;
  /** The signing secret (签名校验); when set, every body must carry a fresh `timestamp` and a matching `sign`. */
  secret?: string;
  /** Custom keywords; when set, a message must contain at least one (in text, not in links). */
  keywords?: string[];
}

export interface FakeFeishuOptions extends Partial<FakeBot> {
  /** Messages a bot takes per short window: 5 by default, as Feishu. */
  maxPerSecond?: number;
  /** The short sliding window: 1000 ms by default. */
  secondWindowMs?: number;
  /** Messages a bot takes per long window: 100 by default, as Feishu. */
  maxPerMinute?: number;
  /** The long sliding window: 60 000 ms by default. Shorten it in tests. */
  minuteWindowMs?: number;
  /** The largest body accepted: 20 KB (20 × 1024 bytes) by default. */
  maxBodyBytes?: number;
  /** How far the signed timestamp may be from now: 1 hour by default. */
  clockSkewMs?: number;
  /** The fake's clock, for tests that move time on. */
  now?: () => number;
}

/** A message the fake accepted, parsed. */
export interface AcceptedMessage {
  token: string;
  msgType: string;
  body: Record<string, unknown>;
  receivedAt: number;
}

interface BotState extends FakeBot {
  windows: SlidingWindow[];
}

export const FAKE_HOOK_TOKEN = 'fake0hook0token0c0ffee';
const HOOK_PATH = /^\/open-apis\/bot\/v2\/hook\/([^/]+)$/;
const HOUR = 60 * 60 * 1000;

/**
 * A Feishu custom-bot hook on 127.0.0.1 that checks what Feishu checks and answers as it does:
 * the hook path and token (19001), the 20 KB limit and the JSON body shape per msg_type (9499,
 * HTTP 400), the signature and its 1-hour skew (19021), custom keywords (19024), and 5 messages
 * a second and 100 a minute per bot, in sliding windows (11232).
 *
 * ```ts
 * const feishu = await new FakeFeishu({ secret: 'qNV3n3XKCb5y9QJ6Nv3ZMb' }).start();
 * const config = { service_url: feishu.webhookUrl(), sign: 'qNV3n3XKCb5y9QJ6Nv3ZMb' };
 * // … send …
 * expect(feishu.messages).toHaveLength(1);
 * feishu.answerNext(feishuAnswers.frequencyLimited); // the next request is throttled
 * await feishu.stop();
 * ```
 */
export class FakeFeishu extends FakeServer {
  /** The messages accepted, in order of arrival. */
  readonly messages: AcceptedMessage[] = [];
  private readonly bots = new Map<string, BotState>();
  private readonly now: () => number;

  constructor(readonly options: FakeFeishuOptions = {}) {
    super();
    this.now = options.now ?? Date.now;
    this.addBot({ token: options.token ?? FAKE_HOOK_TOKEN, secret: options.secret, keywords: options.keywords });
    this.handler = (request) => this.answer(request);
  }

  /** Adds a bot, with rate windows of its own. */
  addBot(bot: FakeBot): this {
    const windows = [
      new SlidingWindow(this.options.maxPerSecond ?? 5, this.options.secondWindowMs ?? 1_000),
      new SlidingWindow(this.options.maxPerMinute ?? 100, this.options.minuteWindowMs ?? 60_000),
    ];
    this.bots.set(bot.token, { ...bot, windows });
    return this;
  }

  /** The hook URL of a bot (the first one by default), as Feishu shows it. */
  webhookUrl(token = this.options.token ?? FAKE_HOOK_TOKEN): string {
    return `${this.url}/open-apis/bot/v2/hook/${token}`;
  }

  /** Forgets requests, messages, scripted answers (`answerNext`, such as `feishuAnswers.frequencyLimited`) and rate windows. */
  override reset(): void {
    super.reset();
    this.messages.length = 0;
    for (const bot of [...this.bots.values()]) this.addBot(bot);
  }

  private answer(request: ReceivedRequest): FakeAnswer {
    const token = HOOK_PATH.exec(new URL(request.url, 'http://fake.invalid').pathname)?.[1];
    if (!token) return { status: 404, body: '404 page not found' };
    if (request.method !== 'POST') return feishuAnswers.badRequest;
    if (Buffer.byteLength(request.body) > (this.options.maxBodyBytes ?? 20 * 1024)) return feishuAnswers.badRequest;
    const body = parseObject(request.body);
    if (!body) return feishuAnswers.badRequest;
    const bot = this.bots.get(token);
    if (!bot) return feishuAnswers.tokenInvalid;
    return this.signatureRefusal(bot, body) ?? this.deliver(bot, body);
  }

  private deliver(bot: BotState, body: Record<string, unknown>): FakeAnswer {
    if (shapeProblem(body)) return feishuAnswers.badRequest;
    if (bot.keywords?.length) {
      const text = searchableText(body);
      if (!bot.keywords.some((keyword) => text.includes(keyword))) return feishuAnswers.keyWordsNotFound;
    }
    // The short window first: a request it refuses is not counted in the long one.
    if (!bot.windows.every((window) => window.admit(this.now()))) return feishuAnswers.frequencyLimited;
    this.messages.push({ token: bot.token, msgType: String(body.msg_type), body, receivedAt: this.now() });
    return feishuAnswers.ok;
  }

  /** Feishu's check: HMAC-SHA256 keyed by `timestamp + "\n" + secret` over nothing, within an hour of now. */
  private signatureRefusal(bot: BotState, body: Record<string, unknown>): FakeAnswer | undefined {
    if (!bot.secret) return undefined;
    const timestamp = String(body.timestamp ?? '');
    if (!/^\d+$/.test(timestamp) || typeof body.sign !== 'string') return feishuAnswers.signMatchFail;
    if (Math.abs(this.now() - Number(timestamp) * 1000) > (this.options.clockSkewMs ?? HOUR)) return feishuAnswers.signMatchFail;
    const expected = createHmac('sha256', `${timestamp}\n${bot.secret}`).update('').digest('base64');
    return body.sign === expected ? undefined : feishuAnswers.signMatchFail;
  }
}

function parseObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
