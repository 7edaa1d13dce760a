import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a fake platform received it: the exact bytes, for signature checks. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  receivedAt: number;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
  /** Wait this long before answering (to test time-outs). */
  delayMs?: number;
}

export type FakeHandler = (request: ReceivedRequest) => FakeAnswer | Promise<FakeAnswer>;

/** A scripted answer: the answer itself, or one made from the request. */
export type ScriptedFakeAnswer = FakeAnswer | ((request: ReceivedRequest) => FakeAnswer | Promise<FakeAnswer>);

interface ScriptedEntry {
  answer: ScriptedFakeAnswer;
  remaining: number;
  when?: (request: ReceivedRequest) => boolean;
}

/**
 * A local HTTP server on 127.0.0.1 that records every request and answers through a handler.
 * Platform fakes build on it; tests read `requests` and script failures with `answerNext`.
 */
export class FakeServer {
  readonly requests: ReceivedRequest[] = [];
  private readonly scripted: ScriptedEntry[] = [];
  private server?: Server;
  private readonly sockets = new Set<import('node:net').Socket>();

  constructor(public handler: FakeHandler = () => ({ status: 200, body: 'ok' })) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake server is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.keepAliveTimeout = 5_000;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /**
   * Answers the next `times` requests (those `when` selects, when given) with this answer instead
   * of the fake's own, in the order scripted: `fake.answerNext({ status: 502 })`.
   */
  answerNext(answer: ScriptedFakeAnswer, times = 1, when?: (request: ReceivedRequest) => boolean): this {
    this.scripted.push({ answer, remaining: times, ...(when ? { when } : {}) });
    return this;
  }

  /** Forgets the requests received and the answers scripted. Fakes extend it to forget their own state. */
  reset(): void {
    this.requests.length = 0;
    this.scripted.length = 0;
  }

  /** Waits until `count` requests have arrived, or fails after `timeoutMs`. */
  async waitForRequests(count: number, timeoutMs = 15_000): Promise<ReceivedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.requests.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} requests, received ${this.requests.length} in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.requests.slice(0, count);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const received: ReceivedRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      receivedAt: Date.now(),
    };
    this.requests.push(received);
    let answer: FakeAnswer;
    try {
      const scripted = this.takeScripted(received);
      answer = await (scripted === undefined ? this.handler(received) : typeof scripted === 'function' ? scripted(received) : scripted);
    } catch (error) {
      answer = { status: 500, body: `fake handler failed: ${(error as Error).message}` };
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    const body = typeof answer.body === 'object' ? JSON.stringify(answer.body) : (answer.body ?? '');
    const contentType = typeof answer.body === 'object' ? 'application/json' : 'text/plain; charset=utf-8';
    if (response.destroyed) return;
    response.writeHead(answer.status, { 'content-type': contentType, ...answer.headers });
    response.end(body);
  }

  private takeScripted(request: ReceivedRequest): ScriptedFakeAnswer | undefined {
    const index = this.scripted.findIndex((entry) => entry.when === undefined || entry.when(request));
    if (index === -1) return undefined;
    const entry = this.scripted[index]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.scripted.splice(index, 1);
    return entry.answer;
  }
}

/** A sliding-window limit, as platforms count: at most `max` requests in any `windowMs`. */
export class SlidingWindow {
  private readonly times: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Records a request at `now`; false when it is over the limit (and then it is not counted). */
  admit(now = Date.now()): boolean {
    while (this.times.length > 0 && this.times[0]! <= now - this.windowMs) this.times.shift();
    if (this.times.length >= this.max) return false;
    this.times.push(now);
    return true;
  }
}
