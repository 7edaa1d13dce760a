import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventOutboxWriter, type OutboxEvent } from '../src/outbox/event-outbox-writer.js';
import { TestApp } from './support/test-app.js';

/** Publishes that share one statement: each still stored whole, repeats still answered once. */
describe('publishes written together', () => {
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    herald = await TestApp.start({ HERALD_ROLE: 'api' });
    project = await herald.createProject('outbox-writer');
    await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'writer',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: 'http://127.0.0.1:9/hook' },
    });
  });
  afterAll(async () => {
    await herald?.stop();
  });

  it('stores an id published by many clients at once once, and answers the others as duplicates of it', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        herald.request('POST', '/v1/events', project.publisher, { id: 'same-order', type: 'order.paid', data: { n } }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(202));
    const fresh = answers.filter((answer) => !answer.body.duplicate);
    expect(fresh).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.body.id))).toEqual(new Set([fresh[0]!.body.id]));
    expect(answers.map((answer) => answer.body.deliveries)).toEqual(Array(12).fill(1));
    expect(await herald.deliveriesOfEvent(project.admin, fresh[0]!.body.id)).toHaveLength(1);
  });

  it('fails a publish that cannot be stored alone, and stores the others of its statement', async () => {
    const writer = herald.app.get(EventOutboxWriter);
    const event = (projectId: string, n: number): OutboxEvent => ({
      projectId,
      id: `evt_writer_${n}`,
      idempotencyKey: null,
      type: 'writer.test',
      source: 'test',
      subject: null,
      time: new Date(),
      data: JSON.stringify({ n }),
      deliveries: [],
    });
    // Two statements run at once; the rest wait and go together, the bad one among them.
    const outcomes = await Promise.allSettled([
      writer.write([event(project.id, 1)]),
      writer.write([event(project.id, 2)]),
      writer.write([event(project.id, 3)]),
      writer.write([event('prj_does_not_exist', 4)]),
      writer.write([event(project.id, 5)]),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    for (const n of [1, 2, 3, 5]) {
      expect((await herald.request('GET', `/v1/events/evt_writer_${n}`, project.admin)).status).toBe(200);
    }
  });
});
