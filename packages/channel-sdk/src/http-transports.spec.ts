import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeServer } from './fakes/index.js';
import { fetchTransport, TransportError, type HttpTransport } from './http-transport.js';
import { nodeHttpTransport } from './node-http-transport.js';

/** `sendOnce` sends through nodeHttpTransport; it must answer, bound and fail as fetchTransport does. */
describe.each([
  ['fetchTransport', fetchTransport],
  ['nodeHttpTransport', nodeHttpTransport],
] as const)('%s', (_name, makeTransport: (options?: { timeoutMs?: number; maxResponseBytes?: number }) => HttpTransport) => {
  const fake = new FakeServer();

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it('sends the method, headers and exact body, and resolves with status, lower-case headers and body', async () => {
    fake.answerNext({ status: 429, body: { errcode: 1 }, headers: { 'Retry-After': '7', 'X-Trace': 'abc' } });
    const answer = await makeTransport().request({
      method: 'POST',
      url: `${fake.url}/hook?token=t`,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: '{"text":"héllo"}',
    });
    expect(answer).toEqual({
      status: 429,
      headers: expect.objectContaining({ 'retry-after': '7', 'x-trace': 'abc', 'content-type': 'application/json' }),
      body: '{"errcode":1}',
    });
    const received = fake.requests.at(-1)!;
    expect(received).toMatchObject({ method: 'POST', url: '/hook?token=t', body: '{"text":"héllo"}' });
    expect(received.headers['content-type']).toBe('application/json;charset=utf-8');
  });

  it('does not follow a redirect', async () => {
    fake.answerNext({ status: 302, headers: { location: '/elsewhere' }, body: '' });
    const answer = await makeTransport().request({ method: 'GET', url: `${fake.url}/moved` });
    expect(answer).toMatchObject({ status: 302, headers: expect.objectContaining({ location: '/elsewhere' }) });
    expect(fake.requests.at(-1)!.url).toBe('/moved');
  });

  it('cuts the body at maxResponseBytes', async () => {
    fake.answerNext({ status: 200, body: 'x'.repeat(10_000) });
    const answer = await makeTransport({ maxResponseBytes: 100 }).request({ method: 'GET', url: fake.url });
    expect(answer.body).toBe('x'.repeat(100));
  });

  it('rejects with a retryable TIMEOUT when no answer comes within the time-out', async () => {
    fake.answerNext({ status: 200, body: 'late', delayMs: 1_000 });
    const failure = await makeTransport({ timeoutMs: 100 })
      .request({ method: 'GET', url: fake.url })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ retryable: true, code: 'TIMEOUT', message: 'no answer within 100 ms' });
  });

  it('rejects with a retryable TransportError naming the code when the connection is refused', async () => {
    const closed = await new FakeServer().start();
    const url = closed.url;
    await closed.stop();
    const failure = await makeTransport()
      .request({ method: 'GET', url })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ retryable: true, code: 'ECONNREFUSED', message: 'connection failed: ECONNREFUSED' });
  });
});
