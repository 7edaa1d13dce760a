import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { eventually, staysTrue } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

describe('Feishu Project preset, failure notices, stats series', () => {
  const receiver = new FakeWebhookReceiver();
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    // /busy answers 500 (retryable), /gone 400 (refused for good), the rest 200.
    receiver.handler = (request) =>
      request.url.startsWith('/busy')
        ? { status: 500, body: 'busy' }
        : request.url.startsWith('/gone')
          ? { status: 400, body: 'no' }
          : { status: 200, body: 'ok' };
    await receiver.start();
    herald = await TestApp.start({ HERALD_PAUSE_AFTER_FAILURES: '1000' });
    project = await herald.createProject('compat');
  });
  afterAll(async () => {
    await herald?.stop();
    await receiver.stop();
  });

  const subscribe = async (body: Record<string, unknown>) => {
    const answer = await herald.request('POST', '/v1/subscriptions', project.admin, {
      channel: 'http',
      action: 'webhook_http_post',
      ...body,
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const at = (path: string) => receiver.requests.filter((request) => request.url === path);

  it('applies the feishu_project preset: 6 s time-out and at most 3 retries, in one field', async () => {
    const subscription = await subscribe({
      name: 'like Feishu Project',
      event_types: ['preset.test'],
      preset: 'feishu_project',
      retry_policy: { initial_delay_ms: 100, max_delay_ms: 200 },
      config: { service_url: `${receiver.url}/busy/preset` },
    });
    expect(subscription).toMatchObject({
      preset: 'feishu_project',
      retry_policy: { timeout_ms: 6000, max_attempts: 4, initial_delay_ms: 100, max_delay_ms: 200 },
    });
    const event = (await herald.request('POST', '/v1/events', project.publisher, { type: 'preset.test' })).body;
    const [delivery] = await herald.deliveriesOfEvent(project.admin, event.id);
    const failed = await herald.waitForDelivery(project.admin, delivery.id, 'failed', 20_000);
    expect(failed.attempts).toHaveLength(4);
    expect(at('/busy/preset')).toHaveLength(4);

    const removed = await herald.request('PATCH', `/v1/subscriptions/${subscription.id}`, project.admin, { preset: null });
    expect(removed.body).toMatchObject({ preset: null, retry_policy: { initial_delay_ms: 100, max_delay_ms: 200 } });
    expect(removed.body.retry_policy.max_attempts).toBeUndefined();
    const wrong = await herald.request('PATCH', `/v1/subscriptions/${subscription.id}`, project.admin, { preset: 'jira' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('preset must be one of feishu_project');
  });

  it('tells the failure-notice subscriptions when a delivery fails for good, as they chose, and never about a notice', async () => {
    const all = await subscribe({
      name: '失败通知',
      event_types: ['nothing.else'],
      failure_notice: true,
      config: { service_url: `${receiver.url}/notices/all` },
    });
    const onlyPauses = await subscribe({
      name: 'pauses only',
      event_types: ['nothing.else'],
      failure_notice: ['herald.subscription.paused'],
      config: { service_url: `${receiver.url}/notices/pauses` },
    });
    expect(onlyPauses.failure_notice).toEqual(['herald.subscription.paused']);
    // A notice destination that refuses everything: its failed notices must not become notices.
    await subscribe({
      name: 'broken notices',
      event_types: ['nothing.else'],
      failure_notice: ['herald.delivery.failed'],
      config: { service_url: `${receiver.url}/gone/notices` },
    });
    const failing = await subscribe({
      name: 'orders hook',
      event_types: ['order.created'],
      config: { service_url: `${receiver.url}/gone/orders` },
    });

    const event = (await herald.request('POST', '/v1/events', project.publisher, { type: 'order.created', data: { n: 1 } })).body;
    const [notice] = await eventually(() => (at('/notices/all').length > 0 ? at('/notices/all') : undefined));
    expect(JSON.parse(notice!.body)).toMatchObject({
      type: 'herald.delivery.failed',
      source: 'herald',
      data: {
        subscription_id: failing.id,
        name: 'orders hook',
        event_id: event.id,
        event_type: 'order.created',
        attempts: 1,
        last_error: expect.stringContaining('400'),
      },
    });
    await eventually(() => (at('/gone/notices').length > 0 ? true : undefined));
    await staysTrue(() => at('/notices/all').length === 1 && at('/notices/pauses').length === 0 && at('/gone/notices').length === 1, {
      forMs: 2_000,
    });
    expect(all.failure_notice).toBe(true);

    const invalid = await herald.request('PATCH', `/v1/subscriptions/${all.id}`, project.admin, { failure_notice: ['herald.everything'] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain('failure_notice must be true, false, or a list of notice types');
  });

  it('gives the totals and a series of buckets for charts, over a validated window', async () => {
    const subscription = await subscribe({
      name: 'charted',
      event_types: ['chart.*'],
      config: { service_url: `${receiver.url}/chart` },
      filters: { keywords: ['keep'] },
    });
    const ids: string[] = [];
    for (const text of ['keep 1', 'keep 2', 'drop 3']) {
      ids.push((await herald.request('POST', '/v1/events', project.publisher, { type: 'chart.point', data: { text } })).body.id);
    }
    for (const id of ids.slice(0, 2)) {
      const [delivery] = await herald.deliveriesOfEvent(project.admin, id);
      await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    }
    const stats = await herald.request('GET', `/v1/subscriptions/${subscription.id}/stats?window=1h&bucket=10m`, project.admin);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ subscription_id: subscription.id, succeeded: 2, window: '1h', bucket: '10m' });
    expect(stats.body.series).toHaveLength(6);
    const starts = stats.body.series.map((bucket: { start: string }) => Date.parse(bucket.start));
    expect(starts.every((start: number, index: number) => index === 0 || start - starts[index - 1] === 600_000)).toBe(true);
    expect(starts[5]! % 600_000).toBe(0);
    type Bucket = { succeeded: number; failed: number; skipped: number };
    const sum = (buckets: Bucket[]) =>
      buckets.reduce(
        (total, bucket) => ({
          succeeded: total.succeeded + bucket.succeeded,
          failed: total.failed + bucket.failed,
          skipped: total.skipped + bucket.skipped,
        }),
        {
          succeeded: 0,
          failed: 0,
          skipped: 0,
        },
      );
    // Everything happened in the last bucket (or the one before, should a bucket have begun meanwhile).
    expect(sum(stats.body.series.slice(-2))).toEqual({ succeeded: 2, failed: 0, skipped: 1 });
    expect(sum(stats.body.series.slice(0, 4))).toEqual({ succeeded: 0, failed: 0, skipped: 0 });
    expect(stats.body.series[5]).toEqual({
      start: expect.any(String),
      succeeded: expect.any(Number),
      failed: 0,
      skipped: expect.any(Number),
    });

    const defaults = await herald.request('GET', `/v1/subscriptions/${subscription.id}/stats`, project.admin);
    expect(defaults.body.series).toHaveLength(24);

    const refusals: Array<[string, string, string]> = [
      ['window=abc', 'window', 'must be a duration'],
      ['window=1h&bucket=30s', 'bucket', 'must be a duration'],
      ['window=1h&bucket=2h', 'bucket', 'must not be longer than the window'],
      ['window=90d&bucket=1m', 'bucket', 'at most 1000'],
      ['window=100d', 'window', 'at most 90d'],
    ];
    for (const [query, field, reason] of refusals) {
      const refused = await herald.request('GET', `/v1/subscriptions/${subscription.id}/stats?${query}`, project.admin);
      expect({ query, status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({ query, status: 400, field });
      expect(refused.body.message).toContain(reason);
    }
  });
});
