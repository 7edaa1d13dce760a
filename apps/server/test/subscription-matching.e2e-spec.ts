import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { TestApp } from './support/test-app.js';

/** Two replicas on one database: each keeps its own in-memory matcher per project. */
describe('subscription matching across replicas', () => {
  let first: TestApp;
  let second: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    first = await TestApp.start({ HERALD_ROLE: 'api' });
    second = await TestApp.start({ HERALD_ROLE: 'api' }, first.environment);
    project = await first.createProject('matching');
  });
  afterAll(async () => {
    await second?.stop(false);
    await first?.stop();
  });

  const subscribe = async (eventTypes: string[]) => {
    const response = await first.request('POST', '/v1/subscriptions', project.admin, {
      name: eventTypes.join(' '),
      channel: 'http',
      action: 'webhook_http_post',
      event_types: eventTypes,
      config: { service_url: 'http://127.0.0.1:9/hook' },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const change = async (method: 'PATCH' | 'DELETE', id: string, body?: object) => {
    const response = await first.request(method, `/v1/subscriptions/${id}`, project.admin, body);
    expect(response.status).toBeLessThan(300);
  };
  /** How many deliveries the second replica creates for an event of this type. */
  const deliveriesThroughSecond = async (type: string) => {
    const response = await second.request('POST', '/v1/events', project.publisher, { type, data: {} });
    expect(response.status).toBe(202);
    return response.body.deliveries as number;
  };

  it('sees every change made through the other replica at its next publish', async () => {
    const orders = await subscribe(['order.*']);
    expect(await deliveriesThroughSecond('order.paid')).toBe(1);

    await change('PATCH', orders, { event_types: ['invoice.*'] });
    expect(await deliveriesThroughSecond('order.paid')).toBe(0);
    expect(await deliveriesThroughSecond('invoice.sent')).toBe(1);

    const exact = await subscribe(['invoice.sent']);
    expect(await deliveriesThroughSecond('invoice.sent')).toBe(2);

    await change('DELETE', orders);
    expect(await deliveriesThroughSecond('invoice.sent')).toBe(1);

    await change('PATCH', exact, { enabled: false });
    expect(await deliveriesThroughSecond('invoice.sent')).toBe(0);

    await change('PATCH', exact, { enabled: true });
    await subscribe(['*']);
    expect(await deliveriesThroughSecond('invoice.sent')).toBe(2);
  });

  it('sees subscriptions written straight into the table (a restore, a bulk import)', async () => {
    const other = await first.createProject('matching-sql');
    const template = (
      await first.request('POST', '/v1/subscriptions', other.admin, {
        name: 'template',
        channel: 'http',
        action: 'webhook_http_post',
        event_types: ['template.only'],
        config: { service_url: 'http://127.0.0.1:9/hook' },
      })
    ).body.id as string;
    const publish = async () =>
      (await second.request('POST', '/v1/events', other.publisher, { type: 'bulk.created', data: {} })).body.deliveries as number;
    expect(await publish()).toBe(0);
    const dataSource = first.app.get(DataSource);
    await dataSource.query(
      `INSERT INTO subscriptions (id, project_id, name, channel, action, event_types, config, enabled, failure_notice, consecutive_failures, pause_count)
       SELECT id || '_copy', project_id, name, channel, action, ARRAY['bulk.*'], config, enabled, failure_notice, 0, 0 FROM subscriptions WHERE id = $1`,
      [template],
    );
    expect(await publish()).toBe(1);
  });
});
