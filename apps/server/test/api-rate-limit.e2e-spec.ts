import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from './support/test-app.js';

describe('the API rate limit', () => {
  let herald: TestApp;

  beforeAll(async () => {
    herald = await TestApp.start({ HERALD_API_RATE_LIMIT: '5' });
  });
  afterAll(() => herald?.stop());

  it('answers 429 past the limit of one key, without touching another key or the health check', async () => {
    const project = await herald.createProject('limited');
    const statuses: number[] = [];
    for (let n = 0; n < 6; n += 1) statuses.push((await herald.request('POST', '/v1/events', project.publisher, { type: 'tick' })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const refused = await herald.request('POST', '/v1/events', project.publisher, { type: 'tick' });
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^too many requests for this API key; retry in \d+ s$/),
    });
    expect((await herald.request('GET', '/v1/subscriptions', project.admin)).status).toBe(200);
    for (let n = 0; n < 8; n += 1) expect((await herald.request('GET', '/health')).status).toBe(200);
  });
});
