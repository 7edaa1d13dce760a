import { randomBytes } from 'node:crypto';
import { FakeServer, type FakeAnswer, type ReceivedRequest, type ScriptedFakeAnswer } from '@herald/channel-sdk/fakes';
import { ntfyAnswers } from './ntfy-answers.js';
import { PARAM_NAMES, parsePriority, parseTags, readParam } from './ntfy-params.js';
import { TokenBucket } from './token-bucket.js';

export interface FakeNtfyOptions {
  /** Protects every topic: publishing needs `Authorization: Bearer <accessToken>` (ntfy's deny-all default access). */
  accessToken?: string;
  /** The visitor's request bucket; ntfy's default is a burst of 60, then one every 5 s. */
  requestLimit?: { burst: number; refillMs: number };
  /** ntfy's message limit in bytes; 4096 by default. */
  messageLimitBytes?: number;
}

/** A message the fake published, with the parameters as ntfy understood them. */
export interface PublishedNtfyMessage {
  id: string;
  topic: string;
  message: string;
  title?: string;
  priority: number;
  tags: string[];
  click?: string;
  request: ReceivedRequest;
}

const TOPIC_ROUTE = /^\/([-_A-Za-z0-9]{1,64})$/;
const DISALLOWED = new Set(['docs', 'static', 'file', 'app', 'metrics', 'account', 'settings', 'signup', 'login', 'v1']);

/**
 * An ntfy server on 127.0.0.1 that checks what ntfy checks and answers as ntfy does: the route and
 * method (404 40401; GET of a topic is the web app), reserved topics (400 40010), the access token
 * (401 40101 when wrong, 403 40301 when missing), the visitor's request bucket (429 42901, no
 * Retry-After), the priority (400 40007) and the 4096-byte message limit (413 41301). Title, Tags
 * and Click are read under every name ntfy knows, RFC 2047 decoded. Accepted messages are kept in `messages`.
 *
 * ```ts
 * const ntfy = await new FakeNtfy().start();
 * await sendOnce(ntfyChannel, { config: { service_url: ntfy.topicUrl('alerts') }, event });
 * ntfy.messages[0].title; // 'build.failed'
 * ntfy.answerNext(ntfyAnswers.internalError()); // the next publish fails
 * ```
 */
export class FakeNtfy extends FakeServer {
  readonly messages: PublishedNtfyMessage[] = [];
  private bucket!: TokenBucket;

  constructor(readonly options: FakeNtfyOptions = {}) {
    super();
    this.reset();
    this.handler = (request) => this.answer(request);
  }

  /** The URL of a topic on this server, as ntfy's web app shows it. */
  topicUrl(topic: string): string {
    return `${this.url}/${topic}`;
  }

  /** Answers the next `times` publishes that pass the route and token checks with `answer` (see `ntfyAnswers`). */
  override answerNext(answer: ScriptedFakeAnswer, times = 1, when = (request: ReceivedRequest) => this.passesChecks(request)): this {
    return super.answerNext(answer, times, when);
  }

  /** Forgets requests, messages, scripted answers, and refills the request bucket. */
  override reset(): void {
    super.reset();
    this.messages.length = 0;
    const limit = this.options.requestLimit ?? { burst: 60, refillMs: 5_000 };
    this.bucket = new TokenBucket(limit.burst, limit.refillMs);
  }

  private answer(request: ReceivedRequest): FakeAnswer {
    const path = new URL(request.url, 'http://fake.ntfy').pathname;
    const topic = TOPIC_ROUTE.exec(path)?.[1];
    if (topic && request.method === 'GET') return ntfyAnswers.webApp();
    if (!topic || (request.method !== 'POST' && request.method !== 'PUT')) return ntfyAnswers.notFound();
    if (DISALLOWED.has(topic)) return ntfyAnswers.topicDisallowed();
    const refused =
      this.unknownToken(request) ?? (this.bucket.take() ? undefined : ntfyAnswers.tooManyRequests()) ?? this.missingToken(request);
    return refused ?? this.publish(request, topic);
  }

  /** Whether a publish passes the route and token checks, which come before scripted answers. */
  private passesChecks(request: ReceivedRequest): boolean {
    const topic = TOPIC_ROUTE.exec(new URL(request.url, 'http://fake.ntfy').pathname)?.[1];
    if (!topic || (request.method !== 'POST' && request.method !== 'PUT') || DISALLOWED.has(topic)) return false;
    return this.unknownToken(request) === undefined && this.missingToken(request) === undefined;
  }

  /** ntfy checks a presented token before anything else, on any topic (401). */
  private unknownToken(request: ReceivedRequest): FakeAnswer | undefined {
    const authorization = request.headers.authorization;
    if (authorization === undefined) return undefined;
    return this.options.accessToken !== undefined && authorization === `Bearer ${this.options.accessToken}`
      ? undefined
      : ntfyAnswers.unauthorized();
  }

  /** After the request limit, a protected topic refuses the anonymous visitor (403). */
  private missingToken(request: ReceivedRequest): FakeAnswer | undefined {
    return this.options.accessToken !== undefined && request.headers.authorization === undefined ? ntfyAnswers.forbidden() : undefined;
  }

  private publish(request: ReceivedRequest, topic: string): FakeAnswer {
    const priority = parsePriority(readParam(request, PARAM_NAMES.priority));
    if (priority === undefined) return ntfyAnswers.priorityInvalid();
    if (Buffer.byteLength(request.body) > (this.options.messageLimitBytes ?? 4096)) return ntfyAnswers.tooLarge();
    const title = readParam(request, PARAM_NAMES.title);
    const click = readParam(request, PARAM_NAMES.click);
    const message: PublishedNtfyMessage = {
      id: randomBytes(9).toString('base64url').slice(0, 12),
      topic,
      message: request.body === '' ? 'triggered' : request.body,
      ...(title ? { title } : {}),
      priority,
      tags: parseTags(readParam(request, PARAM_NAMES.tags)),
      ...(click ? { click } : {}),
      request,
    };
    this.messages.push(message);
    return { status: 200, body: published(message) };
  }
}

/** The JSON ntfy answers a publish with; like ntfy, it leaves out the default priority and empty fields. */
function published({ request, priority, tags, ...message }: PublishedNtfyMessage): Record<string, unknown> {
  const time = Math.floor(request.receivedAt / 1000);
  return {
    ...message,
    time,
    expires: time + 43_200,
    event: 'message',
    ...(priority === 3 ? {} : { priority }),
    ...(tags.length > 0 ? { tags } : {}),
  };
}
