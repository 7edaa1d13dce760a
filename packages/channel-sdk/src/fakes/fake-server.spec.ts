import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeServer } from './fake-server.js';

describe('FakeServer scripted answers', () => {
  const fake = new FakeServer(() => ({ status: 200, body: 'own' }));
  const get = async (path = '/') => {
    const response = await fetch(`${fake.url}${path}`);
    return `${response.status} ${await response.text()}`;
  };
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  it('answers the next requests as scripted, in order, then with its own answer', async () => {
    fake.answerNext({ status: 502, body: 'first' }, 2).answerNext((request) => ({ status: 429, body: request.url }));
    expect([await get(), await get(), await get('/third'), await get()]).toEqual(['502 first', '502 first', '429 /third', '200 own']);
  });

  it('answers only the requests a condition selects', async () => {
    fake.answerNext({ status: 503, body: 'token down' }, 1, (request) => request.url.startsWith('/token'));
    expect([await get('/send'), await get('/token'), await get('/token')]).toEqual(['200 own', '503 token down', '200 own']);
  });

  it('forgets scripted answers and requests on reset', async () => {
    fake.answerNext({ status: 500 });
    fake.reset();
    expect(await get()).toBe('200 own');
    expect(fake.requests).toHaveLength(1);
  });
});
