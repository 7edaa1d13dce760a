import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from './support/test-app.js';

const orderSchema = {
  type: 'object',
  properties: {
    order_id: { type: 'string' },
    customer: { type: 'object', properties: { phone: { type: 'string', pattern: '^1\\d{10}$' } }, required: ['phone'] },
  },
  required: ['order_id', 'customer'],
};
const goodOrder = { order_id: 'o-1', customer: { phone: '13800138000' } };

describe('event catalogs and registered event types', () => {
  let herald: TestApp;
  let replica: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    herald = await TestApp.start();
    replica = await TestApp.start({}, herald.environment);
    project = await herald.createProject('types');
  });
  afterAll(async () => {
    await replica?.stop(false);
    await herald?.stop();
  });

  it('lists the built-in catalogs to any key, with descriptions, schemas and examples', async () => {
    const catalogs = await herald.request('GET', '/v1/catalogs', project.publisher);
    expect(catalogs.status).toBe(200);
    expect(catalogs.body.data.map((catalog: { id: string }) => catalog.id)).toEqual([
      'feishu_project',
      'weiyu',
      'coding',
      'apipost',
      'alertmanager',
      'herald',
    ]);
    const feishu = catalogs.body.data[0].event_types;
    expect(feishu).toContainEqual(
      expect.objectContaining({
        type: 'feishu_project.WorkitemCreateEvent',
        catalog: 'feishu_project',
        description: { zh: expect.stringContaining('创建'), en: expect.any(String) },
        legacy_names: expect.arrayContaining(['StoryCreated']),
        example: expect.objectContaining({ work_item_type_key: 'story' }),
      }),
    );
    expect((await herald.request('GET', '/v1/catalogs')).status).toBe(401);
  });

  it('filters the event types by catalog, and refuses an unknown catalog by name', async () => {
    const weiyu = await herald.request('GET', '/v1/event-types?catalog=weiyu', project.publisher);
    expect(weiyu.status).toBe(200);
    expect(weiyu.body.data.map((entry: { type: string }) => entry.type)).toEqual(
      expect.arrayContaining([
        'weiyu.leave_message',
        'weiyu.leave_message.new_message',
        'weiyu.customer_info.info_updated',
        'weiyu.system_alert.error',
      ]),
    );
    expect(weiyu.body.data.every((entry: { catalog: string }) => entry.catalog === 'weiyu')).toBe(true);
    const unknown = await herald.request('GET', '/v1/event-types?catalog=jira', project.publisher);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('catalog must be one of');
  });

  it('registers a type with a schema; publishes that break it are refused with the failing path, on every replica', async () => {
    expect((await herald.request('PUT', '/v1/event-types/order.created', project.publisher, { schema: orderSchema })).status).toBe(403);
    const put = await herald.request('PUT', '/v1/event-types/order.created', project.admin, {
      description: { zh: '新订单', en: 'A new order' },
      schema: orderSchema,
      example: goodOrder,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ type: 'order.created', catalog: 'project', version: 1, example: goodOrder });

    const broken = await herald.request('POST', '/v1/events', project.publisher, {
      type: 'order.created',
      data: { order_id: 'o-2', customer: { phone: 13800138000 } },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toContain('data.customer.phone must be string');
    expect(broken.body.errors).toEqual([{ field: 'data.customer.phone', message: expect.stringContaining('must be string') }]);

    const missing = await herald.request('POST', '/v1/events', project.publisher, {
      type: 'order.created',
      data: { customer: { phone: '13800138000' } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('data.order_id');

    const batch = await herald.request('POST', '/v1/events/batch', project.publisher, {
      events: [
        { type: 'order.created', data: goodOrder },
        { type: 'order.created', data: { order_id: 'o-3', customer: { phone: '42' } } },
      ],
    });
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].field).toBe('events[1].data.customer.phone');

    expect((await herald.request('POST', '/v1/events', project.publisher, { type: 'order.created', data: goodOrder })).status).toBe(202);
    expect((await replica.request('POST', '/v1/events', project.publisher, { type: 'order.created', data: goodOrder })).status).toBe(202);
    expect((await herald.request('POST', '/v1/events', project.publisher, { type: 'order.other', data: { anything: 1 } })).status).toBe(
      202,
    );

    // The other replica changes the schema: the first one, which compiled version 1, follows at once.
    const stricter = {
      ...orderSchema,
      properties: { ...orderSchema.properties, amount: { type: 'number' } },
      required: ['order_id', 'customer', 'amount'],
    };
    const changed = await replica.request('PUT', '/v1/event-types/order.created', project.admin, { schema: stricter });
    expect(changed.body.version).toBe(2);
    const now = await herald.request('POST', '/v1/events', project.publisher, { type: 'order.created', data: goodOrder });
    expect(now.status).toBe(400);
    expect(now.body.errors[0].field).toBe('data.amount');

    const listed = await herald.request('GET', '/v1/event-types?catalog=project', project.publisher);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ type: 'order.created', catalog: 'project', schema: stricter, version: 2 }),
    ]);

    expect((await replica.request('DELETE', '/v1/event-types/order.created', project.admin)).status).toBe(204);
    expect((await herald.request('POST', '/v1/events', project.publisher, { type: 'order.created', data: goodOrder })).status).toBe(202);
    expect((await herald.request('DELETE', '/v1/event-types/order.created', project.admin)).status).toBe(404);
  });

  it('refuses a schema that is not JSON Schema, an example that breaks the schema, and a built-in name', async () => {
    const typo = await herald.request('PUT', '/v1/event-types/ticket.opened', project.admin, {
      schema: { type: 'object', requred: ['id'] },
    });
    expect(typo.status).toBe(400);
    expect(typo.body.message).toMatch(/^schema is not a usable JSON Schema: .*requred/);

    const notSchema = await herald.request('PUT', '/v1/event-types/ticket.opened', project.admin, { schema: { type: 'objekt' } });
    expect(notSchema.status).toBe(400);
    expect(notSchema.body.errors[0].field).toBe('schema');

    const badExample = await herald.request('PUT', '/v1/event-types/ticket.opened', project.admin, {
      schema: orderSchema,
      example: { order_id: 'o-1', customer: {} },
    });
    expect(badExample.status).toBe(400);
    expect(badExample.body.errors[0].field).toBe('example.customer.phone');

    const badDescription = await herald.request('PUT', '/v1/event-types/ticket.opened', project.admin, { description: { fr: 'non' } });
    expect(badDescription.status).toBe(400);
    expect(badDescription.body.message).toContain('description must be a text');

    const builtIn = await herald.request('PUT', '/v1/event-types/alertmanager.firing', project.admin, { description: 'mine' });
    expect(builtIn.status).toBe(409);

    const wildcard = await herald.request('PUT', '/v1/event-types/ticket.*', project.admin, { description: 'all' });
    expect(wildcard.status).toBe(400);
    expect(wildcard.body.errors[0].field).toBe('type');
  });

  it.each([
    ['a pattern', { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } }, 'schema.properties.name.pattern'],
    [
      'a patternProperties key',
      { type: 'object', patternProperties: { '^(\\w|\\d)+$': { type: 'string' } } },
      'schema.patternProperties["^(\\\\w|\\\\d)+$"]',
    ],
  ])(
    'refuses a schema with %s that backtracks catastrophically (ReDoS), naming its path, and registers nothing',
    async (_label, schema, field) => {
      const response = await herald.request('PUT', '/v1/event-types/redos.attempt', project.admin, { schema });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field, message: expect.stringContaining('exponential time to match (ReDoS') }]);
      const registered = (await herald.request('GET', '/v1/event-types?catalog=project', project.admin)).body.data;
      expect(registered.map((entry: { type: string }) => entry.type)).not.toContain('redos.attempt');
    },
  );

  it('registers a schema whose patterns match in linear time', async () => {
    const schema = { type: 'object', properties: { ticket: { type: 'string', pattern: '^[A-Z]{2}-\\d+$' } } };
    const response = await herald.request('PUT', '/v1/event-types/ticket.numbered', project.admin, { schema });
    expect(response.status).toBe(200);
    const refused = await herald.request('POST', '/v1/events', project.publisher, { type: 'ticket.numbered', data: { ticket: 'x' } });
    expect(refused.body.errors).toEqual([{ field: 'data.ticket', message: expect.stringContaining('must match pattern') }]);
  });

  it('lets a subscription name unknown types, and warns about each', async () => {
    await herald.request('PUT', '/v1/event-types/invoice.paid', project.admin, { description: 'Invoice paid' });
    const created = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'mixed',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: [
        'feishu_project.WorkitemCreateEvent',
        'invoice.paid',
        'invoice.refunded',
        'weiyu.leave_message.*',
        'nothing.*',
        'feishu_project.StoryCreated',
      ],
      config: { service_url: 'http://127.0.0.1:9/hook' },
    });
    expect(created.status).toBe(201);
    expect(created.body.warnings).toEqual([
      { field: 'event_types[2]', message: expect.stringContaining('"invoice.refunded" is in no catalog and not registered') },
      { field: 'event_types[4]', message: expect.stringContaining('no known event type starts with "nothing."') },
    ]);
    const patched = await herald.request('PATCH', `/v1/subscriptions/${created.body.id}`, project.admin, {
      event_types: ['alertmanager.*'],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.warnings).toEqual([]);
  });
});
