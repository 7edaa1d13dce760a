import { randomBytes } from 'node:crypto';
import { FakeServer, SlidingWindow, type FakeAnswer, type ReceivedRequest } from '@herald/channel-sdk/fakes';
import { dingtalkAppAnswers } from './dingtalk-app-answers.js';

export interface FakeDingTalkAppOptions {
  appKey?: string;
  appSecret?: string;
  agentId?: number;
  /** The people in the organisation; others land in `invalidUsers`. Leave out to accept any id. */
  users?: string[];
  /** Departments and their members. */
  departments?: Record<string, string[]>;
  /** Lifetime of issued tokens: 7200 s, as DingTalk. */
  tokenLifetimeSeconds?: number;
  /** Person-notices the app may send a minute (143103 beyond). */
  maxPerMinute?: number;
  now?: () => number;
}

export type FakeDingTalkAppRoute = 'gettoken' | 'asyncsend';

type Reply = { errcode: number; errmsg: string } & Record<string, unknown>;

/** A notice the fake accepted; DingTalk then delivers it to everyone named who exists, once a day per content. */
export interface AcceptedWorkNotice {
  taskId: number;
  body: Record<string, unknown>;
  msg: { msgtype: string } & Record<string, unknown>;
  deliveredTo: string[];
  /** Ids that are no one (getsendresult's invalid_user_id_list). */
  invalidUsers: string[];
  /** People who already got this content today (getsendresult's forbidden_user_id_list). */
  forbiddenUsers: string[];
}

const ROUTES: Record<string, FakeDingTalkAppRoute> = {
  '/gettoken': 'gettoken',
  '/topapi/message/corpconversation/asyncsend_v2': 'asyncsend',
};
const DAY = 24 * 60 * 60 * 1000;

/**
 * DingTalk's server API for one internal app on 127.0.0.1: `gettoken?appkey=&appsecret=` and
 * `topapi/message/corpconversation/asyncsend_v2?access_token=`. It checks what DingTalk checks —
 * the key and secret, the token and its expiry, the method, agent_id, who receives (comma-separated
 * lists, at most 100 users and 20 departments, or to_all_user), msg and its msgtype's fields and
 * lengths — and answers as DingTalk does: HTTP 200, errcode, and a task_id on success. Like
 * DingTalk it drops a repeat of the same content to the same person within a day, silently.
 */
export class FakeDingTalkApp extends FakeServer {
  readonly notices: AcceptedWorkNotice[] = [];
  readonly tokens = new Map<string, number>();
  readonly appKey: string;
  readonly appSecret: string;
  readonly agentId: number;
  private readonly received = new Map<string, number>();
  private window: SlidingWindow;
  private readonly now: () => number;

  constructor(readonly options: FakeDingTalkAppOptions = {}) {
    super();
    this.appKey = options.appKey ?? 'dingfake0app0key0a1b';
    this.appSecret = options.appSecret ?? 'fake-dingtalk-app-secret-0123456789';
    this.agentId = options.agentId ?? 2871460001;
    this.now = options.now ?? Date.now;
    this.window = new SlidingWindow(options.maxPerMinute ?? 5_000, 60_000);
    this.handler = (request) => this.answer(request);
  }

  /** Answers the next `times` requests to `route` with a DingTalk body (HTTP 200) or any HTTP answer, unchecked. */
  failNext(route: FakeDingTalkAppRoute, answer: Reply | FakeAnswer, times = 1): this {
    const fakeAnswer = 'errcode' in answer ? ding(answer) : (answer as FakeAnswer);
    return this.answerNext(fakeAnswer, times, (request) => routeOf(request) === route);
  }

  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  get tokenRequestCount(): number {
    return this.requests.filter((request) => request.url.startsWith('/gettoken')).length;
  }

  /** Forgets requests, notices, today's contents, scripts and the rate window; issued tokens stay valid. */
  override reset(): void {
    super.reset();
    this.notices.length = 0;
    this.received.clear();
    this.window = new SlidingWindow(this.options.maxPerMinute ?? 5_000, 60_000);
  }

  private answer(request: ReceivedRequest): FakeAnswer {
    const route = routeOf(request);
    if (!route) return ding({ errcode: 404, errmsg: '请求的URI地址不存在' });
    const url = new URL(request.url, 'http://fake-dingtalk');
    if (route === 'gettoken') return ding(request.method === 'GET' ? this.getToken(url.searchParams) : dingtalkAppAnswers.requireGet);
    if (request.method !== 'POST') return ding(dingtalkAppAnswers.requirePost);
    return ding(this.asyncSend(url.searchParams.get('access_token'), request.body));
  }

  /** Within its validity DingTalk hands out the same token again. */
  private getToken(query: URLSearchParams): Reply {
    if (!query.get('appkey')) return dingtalkAppAnswers.missingAppKey;
    if (query.get('appkey') !== this.appKey || query.get('appsecret') !== this.appSecret) return dingtalkAppAnswers.invalidAppKeyOrSecret;
    const now = this.now();
    let current = [...this.tokens].find(([, expiresAt]) => expiresAt > now);
    if (!current) {
      current = [randomBytes(16).toString('hex'), now + (this.options.tokenLifetimeSeconds ?? 7200) * 1000];
      this.tokens.set(...current);
    }
    return { errcode: 0, errmsg: 'ok', access_token: current[0], expires_in: Math.ceil((current[1] - now) / 1000) };
  }

  private asyncSend(token: string | null, rawBody: string): Reply {
    if (!token) return dingtalkAppAnswers.missingAccessToken;
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return dingtalkAppAnswers.tokenInvalid;
    if (expiresAt <= this.now()) return dingtalkAppAnswers.tokenExpired;
    const body = parseObject(rawBody);
    if (!body || body.agent_id === undefined) return dingtalkAppAnswers.missingAgentId;
    if (body.agent_id !== this.agentId) return dingtalkAppAnswers.invalidAgentId;
    if (body.msg === undefined) return dingtalkAppAnswers.missingMsg;
    const receivers = this.receivers(body);
    if ('errcode' in receivers) return receivers;
    const msgProblem = messageProblem(body.msg);
    if (msgProblem) return msgProblem;
    if (!this.window.admit(this.now())) return dingtalkAppAnswers.appQpmExceeded;
    return this.accept(body, receivers);
  }

  private accept(body: Record<string, unknown>, receivers: { named: string[]; invalid: string[] }): Reply {
    const msg = body.msg as AcceptedWorkNotice['msg'];
    const content = JSON.stringify(msg);
    const deliveredTo: string[] = [];
    const forbiddenUsers: string[] = [];
    for (const user of receivers.named) {
      const key = `${user}\n${content}`;
      const last = this.received.get(key);
      if (last !== undefined && this.now() - last < DAY) forbiddenUsers.push(user);
      else {
        this.received.set(key, this.now());
        deliveredTo.push(user);
      }
    }
    const taskId = 256271667526 + this.notices.length;
    this.notices.push({ taskId, body, msg, deliveredTo, invalidUsers: receivers.invalid, forbiddenUsers });
    return { errcode: 0, errmsg: 'ok', task_id: taskId, request_id: randomBytes(6).toString('hex') };
  }

  /** The people a body names: the users, the members of its departments, or everyone. */
  private receivers(body: Record<string, unknown>): { named: string[]; invalid: string[] } | Reply {
    const userList = listOf(body.userid_list);
    const deptList = listOf(body.dept_id_list);
    if (userList === null || deptList === null) return dingtalkAppAnswers.invalidMsgJson;
    const toAll = body.to_all_user === true || body.to_all_user === 'true';
    if (!toAll && userList.length === 0 && deptList.length === 0) return dingtalkAppAnswers.noReceivers;
    if (userList.length > 100 || deptList.length > 20) return dingtalkAppAnswers.tooManyReceivers;
    const { users, departments = {} } = this.options;
    const everyone = [...new Set([...(users ?? []), ...Object.values(departments).flat()])];
    if (toAll) return { named: everyone, invalid: [] };
    const invalid = users ? userList.filter((user) => !everyone.includes(user)) : [];
    const fromDepartments = deptList.flatMap((dept) => departments[dept] ?? []);
    const named = [...new Set([...userList.filter((user) => !invalid.includes(user)), ...fromDepartments])];
    return { named, invalid };
  }
}

/** text: content; markdown: title and text — each present, content and text at most 5000 characters, title at most 64. */
function messageProblem(msg: unknown): Reply | undefined {
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return dingtalkAppAnswers.invalidMsgJson;
  const { msgtype } = msg as Record<string, unknown>;
  const part = (msg as Record<string, unknown>)[String(msgtype)] as Record<string, unknown> | undefined;
  if (msgtype !== 'text' && msgtype !== 'markdown' && msgtype !== 'link' && msgtype !== 'oa' && msgtype !== 'action_card') {
    return dingtalkAppAnswers.invalidMsgType;
  }
  if (typeof part !== 'object' || part === null) return dingtalkAppAnswers.invalidMsgJson;
  const fields = msgtype === 'text' ? { content: 5_000 } : msgtype === 'markdown' ? { title: 64, text: 5_000 } : {};
  for (const [field, max] of Object.entries(fields)) {
    const value = part[field];
    if (typeof value !== 'string' || value.trim() === '') return dingtalkAppAnswers.invalidMsgJson;
    if (value.length > max) return dingtalkAppAnswers.contentTooLong;
  }
  return undefined;
}

/** A comma-separated id list as DingTalk takes it (a string); null when it is another type. */
function listOf(value: unknown): string[] | null {
  if (value === undefined || value === '') return [];
  if (typeof value !== 'string') return null;
  return value.split(',').filter(Boolean);
}

function routeOf(request: ReceivedRequest): FakeDingTalkAppRoute | undefined {
  return ROUTES[new URL(request.url, 'http://fake-dingtalk').pathname];
}

function ding(body: object): FakeAnswer {
  return { status: 200, body };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
