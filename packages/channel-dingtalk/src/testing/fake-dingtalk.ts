import { createHmac } from 'node:crypto';
import { FakeServer, SlidingWindow, type FakeAnswer, type ReceivedRequest } from '@herald/channel-sdk/fakes';
import { dingtalkAnswers } from './dingtalk-answers.js';
import { hiddenMentions, searchableText, shapeRefusal } from './message-shape.js';

/** One custom robot the fake knows. */
export interface FakeRobot {
  /** The access_token of its webhook. */
  accessToken: string;
  /** The 加签 secret (SEC…); when set, every request must carry a fresh timestamp and a matching sign. */
  secret?: string;
  /** Custom keywords; when set, a message must contain at least one. */
  keywords?: string[];
}

export interface FakeDingTalkOptions extends Partial<FakeRobot> {
  /** Messages a robot takes per window: 20 by default, as DingTalk. */
  maxPerWindow?: number;
  /** The sliding window: 60 000 ms by default. Shorten it in tests. */
  windowMs?: number;
  /** How long a robot refuses everything (130101) once it went over: 10 minutes by default. */
  punishmentMs?: number;
  /** How far the signed timestamp may be from now: 1 hour by default. */
  clockSkewMs?: number;
  /** The fake's clock, for tests that move time on. */
  now?: () => number;
}

/** A message the fake accepted, parsed. */
export interface AcceptedMessage {
  accessToken: string;
  msgtype: string;
  body: Record<string, unknown>;
  /** Mentions in `at` that the text does not show as `@…`: DingTalk accepts them but notifies no one. */
  hiddenMentions: string[];
  receivedAt: number;
}

interface RobotState extends FakeRobot {
  window: SlidingWindow;
  punishedUntil: number;
  seenMessageIds: Set<string>;
}

export const FAKE_ACCESS_TOKEN = 'fake0access0token0f00d';
const HOUR = 60 * 60 * 1000;

/**
 * A DingTalk custom-robot endpoint on 127.0.0.1 that checks what DingTalk checks and answers as
 * it does (HTTP 200, errcode in the body): POST, path and access_token, the 加签 signature and its
 * 1-hour skew, the 20000-byte limit, the body shape per msgtype and `at`, custom keywords, and
 * 20 messages per sliding minute per robot, refusing for 10 minutes after. Repeats of a `msgUuid`
 * are answered ok and not delivered twice.
 *
 * ```ts
 * const dingtalk = await new FakeDingTalk({ secret: 'SEC0123…' }).start();
 * const config = { service_url: dingtalk.webhookUrl(), sign: 'SEC0123…' };
 * // … send …
 * expect(dingtalk.messages).toHaveLength(1);
 * ```
 */
export class FakeDingTalk extends FakeServer {
  /** The messages accepted, in order of arrival. */
  readonly messages: AcceptedMessage[] = [];
  private readonly robots = new Map<string, RobotState>();
  private readonly now: () => number;

  constructor(readonly options: FakeDingTalkOptions = {}) {
    super();
    this.now = options.now ?? Date.now;
    this.addRobot({ accessToken: options.accessToken ?? FAKE_ACCESS_TOKEN, secret: options.secret, keywords: options.keywords });
    this.handler = (request) => this.answer(request);
  }

  /** Adds a robot, with its own rate window. */
  addRobot(robot: FakeRobot): this {
    const window = new SlidingWindow(this.options.maxPerWindow ?? 20, this.options.windowMs ?? 60_000);
    this.robots.set(robot.accessToken, { ...robot, window, punishedUntil: 0, seenMessageIds: new Set() });
    return this;
  }

  /** The webhook of a robot (the first one by default), as DingTalk shows it. */
  webhookUrl(accessToken = this.options.accessToken ?? FAKE_ACCESS_TOKEN): string {
    return `${this.url}/robot/send?access_token=${accessToken}`;
  }

  /** Answers the next `times` requests with this DingTalk body (HTTP 200), such as `dingtalkAnswers.systemBusy`. */
  refuseNext(body: object, times = 1): this {
    return this.answerNext({ status: 200, body }, times);
  }

  /** Forgets requests, messages, scripted answers (`answerNext`, `refuseNext`), rate windows and punishments. */
  override reset(): void {
    super.reset();
    this.messages.length = 0;
    for (const robot of [...this.robots.values()]) this.addRobot(robot);
  }

  private answer(request: ReceivedRequest): FakeAnswer {
    const url = new URL(request.url, 'http://fake.invalid');
    if (url.pathname !== '/robot/send') return { status: 404, body: 'Not Found' };
    if (request.method !== 'POST') return dingtalk(dingtalkAnswers.postRequired);
    const token = url.searchParams.get('access_token');
    if (!token) return dingtalk(dingtalkAnswers.missingAccessToken);
    const robot = this.robots.get(token);
    if (!robot) return dingtalk(dingtalkAnswers.tokenNotExist);
    const refusal = this.signatureRefusal(robot, url) ?? sizeRefusal(request.body);
    if (refusal) return dingtalk(refusal);
    return this.deliver(robot, request.body);
  }

  private deliver(robot: RobotState, raw: string): FakeAnswer {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return dingtalk(dingtalkAnswers.missingJson);
    }
    const refusal = shapeRefusal(body) ?? keywordRefusal(robot, body);
    if (refusal) return dingtalk(refusal);
    if (this.throttled(robot)) return dingtalk(dingtalkAnswers.sendTooFast);
    const messageId = typeof body.msgUuid === 'string' ? body.msgUuid : undefined;
    if (messageId && robot.seenMessageIds.has(messageId)) return dingtalk(dingtalkAnswers.ok);
    if (messageId) robot.seenMessageIds.add(messageId);
    const message = { accessToken: robot.accessToken, msgtype: String(body.msgtype), body, hiddenMentions: hiddenMentions(body) };
    this.messages.push({ ...message, receivedAt: this.now() });
    return dingtalk(dingtalkAnswers.ok);
  }

  private signatureRefusal(robot: RobotState, url: URL): object | undefined {
    if (!robot.secret) return undefined;
    const timestamp = url.searchParams.get('timestamp') ?? '';
    const sign = url.searchParams.get('sign') ?? '';
    if (!/^\d+$/.test(timestamp) || !sign) return dingtalkAnswers.signNotMatch;
    if (Math.abs(this.now() - Number(timestamp)) > (this.options.clockSkewMs ?? HOUR)) return dingtalkAnswers.invalidTimestamp;
    const expected = createHmac('sha256', robot.secret).update(`${timestamp}\n${robot.secret}`).digest('base64');
    return sign === expected ? undefined : dingtalkAnswers.signNotMatch;
  }

  /** Over the limit, a robot is punished: it refuses everything until the period ends. */
  private throttled(robot: RobotState): boolean {
    const now = this.now();
    if (now < robot.punishedUntil) return true;
    if (robot.window.admit(now)) return false;
    robot.punishedUntil = now + (this.options.punishmentMs ?? 10 * 60_000);
    return true;
  }
}

function sizeRefusal(raw: string): object | undefined {
  return Buffer.byteLength(raw) > 20_000 ? dingtalkAnswers.messageTooLong : undefined;
}

function keywordRefusal(robot: RobotState, body: Record<string, unknown>): object | undefined {
  if (!robot.keywords?.length) return undefined;
  const text = searchableText({ ...body, msgUuid: undefined });
  return robot.keywords.some((keyword) => text.includes(keyword)) ? undefined : dingtalkAnswers.keywordsNotInContent;
}

function dingtalk(body: object): FakeAnswer {
  return { status: 200, body };
}
