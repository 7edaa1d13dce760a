import { randomBytes } from 'node:crypto';
import { FakeServer, SlidingWindow, type FakeAnswer, type ReceivedRequest } from '@herald/channel-sdk/fakes';
import { appBodyProblem, robotBodyProblem, WECOM_ANSWERS, type WeComErrorBody } from './fake-wecom.checks.js';

/** The WeCom application the fake serves gettoken and message/send for. */
export interface FakeWeComApp {
  corpId: string;
  agentId: number;
  secret: string;
  /** The members; others land in `invaliduser`. Leave out to accept any user id. */
  users?: string[];
  /** Members without a licence: listed in `unlicenseduser`, not delivered to. */
  unlicensedUsers?: string[];
  /** Departments (party ids) and their members; other party ids land in `invalidparty`. */
  parties?: Record<string, string[]>;
  /** Tags (tag ids) and their members; other tag ids land in `invalidtag`. */
  tags?: Record<string, string[]>;
}

export interface FakeWeComOptions {
  /** The robot keys that exist; any other key answers 93000. */
  robotKeys?: string[];
  app?: FakeWeComApp;
  /** Messages one robot takes per window, counted whatever the answer. WeCom: 20 a minute. */
  robotRateLimit?: { max: number; windowMs: number };
  /** The lifetime of access tokens the fake issues. WeCom: 7200 s. */
  tokenLifetimeSeconds?: number;
}

export type FakeWeComRoute = 'robot' | 'gettoken' | 'message';

export interface AcceptedRobotMessage {
  key: string;
  body: Record<string, unknown>;
}

export interface AcceptedAppMessage {
  /** The members who got it. */
  deliveredTo: string[];
  body: Record<string, unknown>;
}

const ROUTES: Record<string, FakeWeComRoute> = {
  '/cgi-bin/webhook/send': 'robot',
  '/cgi-bin/gettoken': 'gettoken',
  '/cgi-bin/message/send': 'message',
};

function routeOf(request: ReceivedRequest): FakeWeComRoute | undefined {
  return ROUTES[new URL(request.url, 'http://fake-wecom').pathname];
}

/**
 * WeCom on 127.0.0.1: robot webhooks (`/cgi-bin/webhook/send?key=…`) and the application API
 * (`/cgi-bin/gettoken`, `/cgi-bin/message/send?access_token=…`). It checks what WeCom checks — the
 * key, the token and its expiry, corp id, secret and agent id, msgtype and body shape, byte limits,
 * the image md5, the robot's 20 a minute — and answers as WeCom does: HTTP 200 and an errcode.
 *
 * ```ts
 * const wecom = await new FakeWeCom({ robotKeys: ['robot-key-1'] }).start();
 * await sendOnce(wecomChannel, { action: 'wecom_group_chat_robot', config: { service_url: wecom.robotUrl('robot-key-1') }, event });
 * wecom.robotMessages[0].body; // { msgtype: 'markdown', markdown: { content: '## …' } }
 * ```
 */
export class FakeWeCom extends FakeServer {
  /** Robot messages accepted, in order. */
  readonly robotMessages: AcceptedRobotMessage[] = [];
  /** Application messages accepted, in order. */
  readonly appMessages: AcceptedAppMessage[] = [];
  /** Every access token issued, with its expiry (ms since the epoch). */
  readonly tokens = new Map<string, number>();
  private readonly windows = new Map<string, SlidingWindow>();

  constructor(readonly options: FakeWeComOptions = {}) {
    super();
    this.handler = (request) => this.answer(request);
  }

  /** The webhook URL of a robot on this fake. */
  robotUrl(key = this.options.robotKeys?.[0] ?? 'no-key'): string {
    return `${this.url}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`;
  }

  /** Answers the next `times` requests to `route` with `answer` (a WeCom errcode body, or any HTTP answer), unchecked. */
  failNext(route: FakeWeComRoute, answer: WeComErrorBody | FakeAnswer, times = 1): this {
    const fakeAnswer = 'errcode' in answer ? { status: 200, body: answer } : answer;
    return this.answerNext(fakeAnswer, times, (request) => routeOf(request) === route);
  }

  /** Expires every token issued so far, as WeCom may do early: the next message/send answers 42001. */
  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  /** How many gettoken calls arrived. */
  get tokenRequestCount(): number {
    return this.requests.filter((request) => request.url.startsWith('/cgi-bin/gettoken')).length;
  }

  /** Clears recorded requests, messages and rate windows; issued tokens stay valid. */
  override reset(): void {
    super.reset();
    this.robotMessages.length = 0;
    this.appMessages.length = 0;
    this.windows.clear();
  }

  private answer(request: ReceivedRequest): FakeAnswer {
    const url = new URL(request.url, 'http://fake-wecom');
    const route = routeOf(request);
    if (!route) return { status: 404, body: 'not found' };
    const expectedMethod = route === 'gettoken' ? 'GET' : 'POST';
    if (request.method !== expectedMethod) return weCom(expectedMethod === 'GET' ? WECOM_ANSWERS.requireGet : WECOM_ANSWERS.requirePost);
    if (route === 'robot') return this.robotSend(url.searchParams.get('key') ?? '', request.body);
    if (route === 'gettoken') return this.getToken(url.searchParams);
    return this.messageSend(url.searchParams.get('access_token'), request.body);
  }

  private robotSend(key: string, rawBody: string): FakeAnswer {
    if (!(this.options.robotKeys ?? []).includes(key)) return weCom(WECOM_ANSWERS.invalidWebhookKey);
    if (!this.robotWindow(key).admit()) return weCom(WECOM_ANSWERS.throttled);
    const body = parseObject(rawBody);
    if (!body) return weCom(WECOM_ANSWERS.wrongJson);
    const problem = robotBodyProblem(body);
    if (problem) return weCom(problem);
    this.robotMessages.push({ key, body });
    return weCom(WECOM_ANSWERS.ok);
  }

  private robotWindow(key: string): SlidingWindow {
    const limit = this.options.robotRateLimit ?? { max: 20, windowMs: 60_000 };
    if (!this.windows.has(key)) this.windows.set(key, new SlidingWindow(limit.max, limit.windowMs));
    return this.windows.get(key)!;
  }

  /** Within a token's validity WeCom hands out the same token again. */
  private getToken(query: URLSearchParams): FakeAnswer {
    const app = this.options.app;
    if (!app || query.get('corpid') !== app.corpId) return weCom(WECOM_ANSWERS.invalidCorpId);
    if (query.get('corpsecret') !== app.secret) return weCom(WECOM_ANSWERS.invalidSecret);
    const now = Date.now();
    let current = [...this.tokens].find(([, expiresAt]) => expiresAt > now);
    if (!current) {
      current = [`fake-token-${randomBytes(12).toString('hex')}`, now + (this.options.tokenLifetimeSeconds ?? 7200) * 1000];
      this.tokens.set(...current);
    }
    return weCom({ ...WECOM_ANSWERS.ok, access_token: current[0], expires_in: Math.ceil((current[1] - now) / 1000) });
  }

  private messageSend(token: string | null, rawBody: string): FakeAnswer {
    const tokenProblem = this.tokenProblem(token);
    if (tokenProblem) return weCom(tokenProblem);
    const body = parseObject(rawBody);
    if (!body) return weCom(WECOM_ANSWERS.wrongJson);
    if (body.agentid !== this.options.app!.agentId) return weCom(WECOM_ANSWERS.invalidAgentId);
    const problem = appBodyProblem(body);
    if (problem) return weCom(problem);
    const { deliveredTo, invalid, unlicensed } = this.recipients(String(body.touser ?? ''));
    const groups = this.groupRecipients(body);
    const reached = [...new Set([...deliveredTo, ...groups.members])].filter((user) => !unlicensed.includes(user));
    const invalidLists = {
      ...(invalid.length ? { invaliduser: invalid.join('|') } : {}),
      ...(groups.invalidParties.length ? { invalidparty: groups.invalidParties.join('|') } : {}),
      ...(groups.invalidTags.length ? { invalidtag: groups.invalidTags.join('|') } : {}),
    };
    if (reached.length === 0 && unlicensed.length === 0) return weCom({ ...WECOM_ANSWERS.allRecipientsInvalid, ...invalidLists });
    this.appMessages.push({ deliveredTo: reached, body });
    const lists = {
      ...invalidLists,
      ...(unlicensed.length ? { unlicenseduser: unlicensed.join('|') } : {}),
    };
    return weCom({ ...WECOM_ANSWERS.ok, ...lists, msgid: `fake-msg-${this.appMessages.length}` });
  }

  private tokenProblem(token: string | null): WeComErrorBody | undefined {
    if (!token) return WECOM_ANSWERS.tokenMissing;
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return WECOM_ANSWERS.tokenInvalid;
    return expiresAt <= Date.now() ? WECOM_ANSWERS.tokenExpired : undefined;
  }

  /** Members of the named parties and tags; ids the app does not know are invalid (WeCom ignores both with touser @all). */
  private groupRecipients(body: Record<string, unknown>): { members: string[]; invalidParties: string[]; invalidTags: string[] } {
    if (body.touser === '@all') return { members: [], invalidParties: [], invalidTags: [] };
    const { parties = {}, tags = {} } = this.options.app!;
    const ids = (list: unknown) => (typeof list === 'string' && list !== '' ? list.split('|') : []);
    const partyIds = ids(body.toparty);
    const tagIds = ids(body.totag);
    const members = [...partyIds.flatMap((id) => parties[id] ?? []), ...tagIds.flatMap((id) => tags[id] ?? [])];
    return { members, invalidParties: partyIds.filter((id) => !parties[id]), invalidTags: tagIds.filter((id) => !tags[id]) };
  }

  private recipients(touser: string): { deliveredTo: string[]; invalid: string[]; unlicensed: string[] } {
    const { users, unlicensedUsers = [] } = this.options.app!;
    const named = touser === '' ? [] : touser === '@all' ? (users ?? ['@all']) : touser.split('|');
    const invalid = users ? named.filter((user) => !users.includes(user)) : [];
    const unlicensed = named.filter((user) => unlicensedUsers.includes(user));
    const deliveredTo = named.filter((user) => !invalid.includes(user) && !unlicensed.includes(user));
    return { deliveredTo, invalid, unlicensed };
  }
}

function weCom(body: object): FakeAnswer {
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
