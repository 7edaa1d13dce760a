import { randomBytes } from 'node:crypto';
import { FakeServer, SlidingWindow, type FakeAnswer, type ReceivedRequest } from '@herald/channel-sdk/fakes';
import {
  FAKE_RECEIVE_ID_TYPES,
  messageBodyProblem,
  parseObject,
  RECEIVE_ID_PATTERNS,
  type FakeReceiveIdType,
} from './fake-feishu-app.checks.js';
import { feishuAppAnswers } from './feishu-app-answers.js';

/** A person the app can reach, by each of their ids. */
export interface FakeFeishuUser {
  open_id: string;
  user_id?: string;
  union_id?: string;
  email?: string;
}

export interface FakeFeishuAppOptions {
  appId?: string;
  appSecret?: string;
  /** The people in the app's availability range (可用范围); others answer 230013. Leave out to accept any well-formed id. */
  users?: FakeFeishuUser[];
  /** The chats the app's bot is in; others answer 230002. Leave out to accept any oc_ id. */
  chats?: string[];
  /** The lifetime of tokens the fake issues: 7200 s by default, as Feishu. */
  tokenLifetimeSeconds?: number;
  /** Messages one receiver takes a second: 5, as Feishu (230020). */
  perReceiverPerSecond?: number;
  /** Calls the app may make a second: 50, as Feishu (HTTP 429, 99991400). */
  perAppPerSecond?: number;
  now?: () => number;
}

export type FakeFeishuAppRoute = 'token' | 'message';

/** A message the fake accepted: to whom, and the body with its content parsed. */
export interface AcceptedAppMessage {
  receiveIdType: FakeReceiveIdType;
  receiveId: string;
  msgType: string;
  content: Record<string, unknown>;
  messageId: string;
  uuid?: string;
}

const ROUTES: Record<string, FakeFeishuAppRoute> = {
  '/open-apis/auth/v3/tenant_access_token/internal': 'token',
  '/open-apis/im/v1/messages': 'message',
};
const HOUR = 3_600_000;
const RENEW_BEFORE_MS = 30 * 60_000;

/**
 * The Feishu Open Platform for one self-built app on 127.0.0.1: `auth/v3/tenant_access_token/internal`
 * and `im/v1/messages?receive_id_type=`. It checks what Feishu checks — app_id and app_secret, the
 * Bearer token and its expiry, receive_id_type and the shape of each id, who the app may reach,
 * the body fields, content as a JSON string of its msg_type's shape, the size limits, the uuid
 * (repeats within an hour are answered, not delivered again), 5 messages a second per receiver and
 * 50 calls a second per app — and answers with Feishu's codes and HTTP statuses.
 *
 * ```ts
 * const feishu = await new FakeFeishuApp({ users: [{ open_id: 'ou_0a1b2c3d' }] }).start();
 * const config = { app_id: feishu.appId, app_secret: feishu.appSecret, receive_ids: ['ou_0a1b2c3d'], api_base_url: feishu.url };
 * // … send …
 * feishu.messages[0].content; // { text: '…' }
 * ```
 */
export class FakeFeishuApp extends FakeServer {
  readonly messages: AcceptedAppMessage[] = [];
  /** Every token issued and when it expires (ms since the epoch). */
  readonly tokens = new Map<string, number>();
  readonly appId: string;
  readonly appSecret: string;
  private readonly byUuid = new Map<string, { answer: FakeAnswer; at: number }>();
  private readonly receiverWindows = new Map<string, SlidingWindow>();
  private appWindow: SlidingWindow;
  private readonly now: () => number;

  constructor(readonly options: FakeFeishuAppOptions = {}) {
    super();
    this.appId = options.appId ?? 'cli_a1b2c3d4e5f6a7b8';
    this.appSecret = options.appSecret ?? 'fake-app-secret-0123456789abcdef';
    this.now = options.now ?? Date.now;
    this.appWindow = new SlidingWindow(options.perAppPerSecond ?? 50, 1_000);
    this.handler = (request) => this.answer(request);
  }

  /** Answers the next `times` requests to `route` with `answer`, such as `feishuAppAnswers.frequencyLimit`, unchecked. */
  failNext(route: FakeFeishuAppRoute, answer: FakeAnswer, times = 1): this {
    return this.answerNext(answer, times, (request) => routeOf(request) === route);
  }

  /** Expires every token issued so far, as Feishu may: the next message answers 99991663. */
  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  get tokenRequestCount(): number {
    return this.requests.filter((request) => request.url.startsWith('/open-apis/auth/')).length;
  }

  /** Forgets requests, messages, uuids, scripts and rate windows; issued tokens stay valid. */
  override reset(): void {
    super.reset();
    this.messages.length = 0;
    this.byUuid.clear();
    this.receiverWindows.clear();
    this.appWindow = new SlidingWindow(this.options.perAppPerSecond ?? 50, 1_000);
  }

  private answer(request: ReceivedRequest): FakeAnswer {
    const route = routeOf(request);
    if (!route) return { status: 404, body: '404 page not found' };
    if (request.method !== 'POST') return { status: 405, body: '405 method not allowed' };
    if (route === 'token') return this.issueToken(request.body);
    return this.createMessage(request, new URL(request.url, 'http://fake-feishu').searchParams.get('receive_id_type'));
  }

  /** Within a token's life Feishu returns the same one; with under 30 minutes left, a new one (the old stays valid). */
  private issueToken(rawBody: string): FakeAnswer {
    const body = parseObject(rawBody);
    if (!body || body.app_id !== this.appId) return feishuAppAnswers.invalidParam;
    if (body.app_secret !== this.appSecret) return feishuAppAnswers.appSecretInvalid;
    const now = this.now();
    let current = [...this.tokens].find(([, expiresAt]) => expiresAt - now > RENEW_BEFORE_MS);
    if (!current) {
      current = [`t-${randomBytes(20).toString('hex')}`, now + (this.options.tokenLifetimeSeconds ?? 7200) * 1000];
      this.tokens.set(...current);
    }
    return { status: 200, body: { code: 0, msg: 'ok', tenant_access_token: current[0], expire: Math.floor((current[1] - now) / 1000) } };
  }

  private createMessage(request: ReceivedRequest, receiveIdType: string | null): FakeAnswer {
    const tokenProblem = this.tokenProblem(request.headers.authorization);
    if (tokenProblem) return tokenProblem;
    if (!this.appWindow.admit(this.now())) return feishuAppAnswers.frequencyLimit;
    if (!FAKE_RECEIVE_ID_TYPES.includes(receiveIdType as FakeReceiveIdType)) return feishuAppAnswers.fieldValidationFailed;
    const body = parseObject(request.body);
    if (!body) return feishuAppAnswers.fieldValidationFailed;
    const problem = messageBodyProblem(body, Buffer.byteLength(request.body));
    if (problem) return problem;
    const type = receiveIdType as FakeReceiveIdType;
    const receiveId = String(body.receive_id);
    const receiverProblem = this.receiverProblem(type, receiveId);
    if (receiverProblem) return receiverProblem;
    const uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
    const repeated = uuid ? this.byUuid.get(uuid) : undefined;
    if (repeated && this.now() - repeated.at < HOUR) return repeated.answer;
    if (!this.receiverWindow(type, receiveId).admit(this.now())) return feishuAppAnswers.receiverFrequencyLimit;
    return this.accept(type, receiveId, body, uuid);
  }

  private accept(receiveIdType: FakeReceiveIdType, receiveId: string, body: Record<string, unknown>, uuid?: string): FakeAnswer {
    const messageId = `om_${randomBytes(16).toString('hex')}`;
    const content = String(body.content);
    this.messages.push({
      receiveIdType,
      receiveId,
      msgType: String(body.msg_type),
      content: parseObject(content)!,
      messageId,
      ...(uuid ? { uuid } : {}),
    });
    const created = String(this.now());
    const data = {
      message_id: messageId,
      root_id: '',
      parent_id: '',
      msg_type: body.msg_type,
      create_time: created,
      update_time: created,
      deleted: false,
      updated: false,
      chat_id: receiveIdType === 'chat_id' ? receiveId : `oc_${randomBytes(16).toString('hex')}`,
      sender: { id: this.appId, id_type: 'app_id', sender_type: 'app', tenant_key: 'fake0tenant0key' },
      body: { content },
    };
    const answer: FakeAnswer = { status: 200, body: { code: 0, msg: 'success', data } };
    if (uuid) this.byUuid.set(uuid, { answer, at: this.now() });
    return answer;
  }

  private tokenProblem(authorization: string | undefined): FakeAnswer | undefined {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return feishuAppAnswers.tokenMissing;
    const expiresAt = this.tokens.get(token);
    return expiresAt === undefined || expiresAt <= this.now() ? feishuAppAnswers.tokenInvalid : undefined;
  }

  private receiverProblem(type: FakeReceiveIdType, receiveId: string): FakeAnswer | undefined {
    if (!RECEIVE_ID_PATTERNS[type].test(receiveId)) return feishuAppAnswers.invalidReceiveId;
    if (type === 'chat_id')
      return this.options.chats && !this.options.chats.includes(receiveId) ? feishuAppAnswers.botNotInChat : undefined;
    const users = this.options.users;
    if (!users) return undefined;
    return users.some((user) => user[type] === receiveId) ? undefined : feishuAppAnswers.noAvailability;
  }

  private receiverWindow(type: string, receiveId: string): SlidingWindow {
    const key = `${type}:${receiveId}`;
    if (!this.receiverWindows.has(key)) this.receiverWindows.set(key, new SlidingWindow(this.options.perReceiverPerSecond ?? 5, 1_000));
    return this.receiverWindows.get(key)!;
  }
}

function routeOf(request: ReceivedRequest): FakeFeishuAppRoute | undefined {
  return ROUTES[new URL(request.url, 'http://fake-feishu').pathname];
}
