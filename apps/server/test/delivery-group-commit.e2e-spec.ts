import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeliveryGroupCommit } from '../src/outbox/delivery-group-commit.js';
import { TestApp } from './support/test-app.js';

/** The workers' shared statements: claims and attempt records of many deliveries at once. */
describe('claims and attempt records in groups', () => {
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;
  let commit: DeliveryGroupCommit;

  beforeAll(async () => {
    // The api role runs no worker: the deliveries stay pending for the test to claim.
    herald = await TestApp.start({ HERALD_ROLE: 'api' });
    project = await herald.createProject('group-commit');
    commit = herald.app.get(DeliveryGroupCommit);
    await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'group',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: 'http://127.0.0.1:9/hook' },
    });
  });
  afterAll(async () => {
    await herald?.stop();
  });

  async function pendingDelivery(data: object) {
    const published = await herald.request('POST', '/v1/events', project.publisher, { type: 'group.test', data });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    return { eventId: published.body.id as string, deliveryId: delivery.id as string };
  }

  it('gives a delivery asked for several times at once to exactly one asker, with its event', async () => {
    const { eventId, deliveryId } = await pendingDelivery({ n: 1 });
    const other = await pendingDelivery({ n: 2 });
    const claims = await Promise.all([
      commit.claim(deliveryId, 10_000),
      commit.claim(deliveryId, 10_000),
      commit.claim(other.deliveryId, 10_000),
    ]);
    const mine = claims.slice(0, 2).filter((claim) => claim !== null);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      delivery: { id: deliveryId, status: 'delivering' },
      event: { id: eventId, type: 'group.test', data: { n: 1 } },
    });
    expect(claims[2]).toMatchObject({ delivery: { id: other.deliveryId }, event: { data: { n: 2 } } });
    expect(await commit.claim(deliveryId, 10_000)).toBeNull();
  });

  it('records each attempt with its next state, and a bad record in a group fails alone', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 4; n += 1) ids.push((await pendingDelivery({ n })).deliveryId);
    await Promise.all(ids.map((id) => commit.claim(id, 10_000)));
    const attempt = {
      number: 1,
      startedAt: new Date(),
      durationMs: 12,
      outcome: 'delivered' as const,
      request: null,
      responseStatus: 200,
      responseExcerpt: 'ok',
      error: null,
      note: 'kept with the attempt',
    };
    const next = { status: 'succeeded' as const, dueAt: null, error: null };
    // Two statements run at once; the rest wait and go together, the bad one among them.
    const order = [ids[0]!, ids[1]!, ids[2]!, 'dlv_does_not_exist', ids[3]!];
    const outcomes = await Promise.allSettled(order.map((deliveryId) => commit.record({ deliveryId, attempt, next })));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    for (const id of ids) {
      const stored = await herald.request('GET', `/v1/deliveries/${id}`, project.admin);
      expect(stored.body).toMatchObject({
        status: 'succeeded',
        attempt_count: 1,
        attempts: [
          { number: 1, outcome: 'delivered', response_status: 200, response_excerpt: 'ok', duration_ms: 12, note: 'kept with the attempt' },
        ],
      });
    }
  });
});
