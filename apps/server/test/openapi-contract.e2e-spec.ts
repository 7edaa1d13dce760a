import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOT_KEY } from '../src/tools/scratch-environment.js';
import { DocumentedAnswers, type OpenApiDocument } from './support/documented-answers.js';
import { TestApp, type ApiResponse } from './support/test-app.js';

/** Real answers, successes and errors alike, have the shapes the OpenAPI document gives them. */
describe('answers as the OpenAPI document describes them', () => {
  let herald: TestApp;
  let answers: DocumentedAnswers;
  const checked: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    herald = await TestApp.start();
    answers = new DocumentedAnswers((await herald.request('GET', '/openapi.json')).body as OpenApiDocument);
  });
  afterAll(() => herald?.stop());

  async function call(method: string, path: string, key?: string, body?: unknown): Promise<ApiResponse> {
    const answer = await herald.request(method, path, key, body);
    checked.push(`${method} ${path.split('?')[0]} ${answer.status}`);
    problems.push(...answers.problems(method, path, answer));
    return answer;
  }

  it('finds an answer that differs from its documented shape', () => {
    expect(answers.problems('GET', '/health', { status: 200, body: { status: 'ok' } })).toEqual([
      "GET /health 200: (body) must have required property 'checks'",
    ]);
    expect(answers.problems('GET', '/v1/events/evt_x', { status: 200, body: { id: 1 } })).toContain(
      'GET /v1/events/{id} 200: /id must be string',
    );
    expect(answers.problems('GET', '/v1/events/evt_x', { status: 418, body: {} })).toEqual([
      'GET /v1/events/{id} answered 418, which is not documented',
    ]);
    expect(answers.problems('PUT', '/v1/nowhere', { status: 200, body: {} })).toEqual(['PUT /v1/nowhere is not in the document']);
  });

  it('holds over a whole session with the API', async () => {
    await call('GET', '/health');
    const project = await call('POST', '/v1/projects', ROOT_KEY, { key: 'contract', name: 'Contract' });
    const admin = project.body.api_keys.find((key: { role: string }) => key.role === 'admin').key as string;
    const publisher = project.body.api_keys.find((key: { role: string }) => key.role === 'publisher').key as string;
    await call('GET', '/v1/projects', ROOT_KEY);
    await call('GET', `/v1/projects/${project.body.id}`, ROOT_KEY);
    await call('GET', '/v1/channels', publisher);

    const key = await call('POST', '/v1/api-keys', admin, { name: 'spare', role: 'publisher' });
    await call('GET', '/v1/api-keys', admin);

    const subscription = await call('POST', '/v1/subscriptions', admin, {
      name: 'contract',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['contract.*'],
      config: { service_url: 'http://127.0.0.1:9/hook', token: 'secret-token' },
      retry_policy: { max_attempts: 1 },
      rate_limit: { max: 10, per_ms: 1000 },
      filters: { keywords: ['ok'], active_hours: { start: '00:00', end: '23:59', time_zone: 'UTC', outside: 'hold' } },
    });
    const id = subscription.body.id as string;
    await call('GET', '/v1/subscriptions', admin);
    await call('GET', `/v1/subscriptions/${id}`, admin);
    await call('PATCH', `/v1/subscriptions/${id}`, admin, { name: 'contract renamed', filters: null });
    await call('POST', `/v1/subscriptions/${id}/dry-run`, admin, { type: 'contract.made', data: { text: 'ok' } });
    await call('POST', `/v1/subscriptions/${id}/test`, admin);

    const event = await call('POST', '/v1/events', publisher, { id: 'once', type: 'contract.made', subject: 's', data: { text: 'ok' } });
    await call('POST', '/v1/events', publisher, { id: 'once', type: 'contract.made' });
    await call('POST', '/v1/events/batch', publisher, { events: [{ type: 'contract.a' }, { type: 'other.b' }] });
    await call('GET', '/v1/events?limit=2', admin);
    const detail = await call('GET', `/v1/events/${event.body.id}`, admin);
    const deliveryId = detail.body.deliveries[0].id as string;
    const deadline = Date.now() + 20_000;
    while ((await herald.request('GET', `/v1/deliveries/${deliveryId}`, admin)).body.status !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await call('GET', `/v1/deliveries/${deliveryId}`, admin);
    await call('GET', `/v1/deliveries?subscription_id=${id}&limit=5`, admin);
    await call('GET', `/v1/subscriptions/${id}/stats`, admin);
    // Both at once: one makes the failed delivery pending (202), the other finds it pending (409). One
    // after the other, a worker could fail the delivery again in between and answer 202 twice.
    await Promise.all([
      call('POST', `/v1/deliveries/${deliveryId}/retry`, admin),
      call('POST', `/v1/deliveries/${deliveryId}/retry`, admin),
    ]);
    await call('POST', `/v1/subscriptions/${id}/redeliver`, admin, { since: '2020-01-01T00:00:00Z' });

    await call('POST', '/v1/events', publisher, { type: '' });
    await call('GET', '/v1/subscriptions');
    await call('GET', '/v1/subscriptions', publisher);
    await call('GET', '/v1/subscriptions/sub_missing', admin);
    await call('POST', '/v1/projects', ROOT_KEY, { key: 'contract', name: 'Again' });
    const adminKeys = (await herald.request('GET', '/v1/api-keys', admin)).body.data.filter(
      (entry: { role: string }) => entry.role === 'admin',
    );
    await call('DELETE', `/v1/api-keys/${adminKeys[0].id}`, admin);
    await call('DELETE', `/v1/api-keys/${key.body.id}`, admin);
    await call('DELETE', `/v1/subscriptions/${id}`, admin);
    await call('DELETE', `/v1/projects/${project.body.id}`, ROOT_KEY);

    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /v1/projects 201',
        'POST /v1/events 202',
        `POST /v1/deliveries/${deliveryId}/retry 409`,
        'POST /v1/events 400',
        'GET /v1/subscriptions 401',
        'GET /v1/subscriptions 403',
        'GET /v1/subscriptions/sub_missing 404',
        'POST /v1/projects 409',
      ]),
    );
    expect(problems).toEqual([]);
  });
  it('holds for probes, catalogs, event types and ingest', async () => {
    await call('GET', '/health/live');
    await call('GET', '/health/ready');
    const project = await call('POST', '/v1/projects', ROOT_KEY, { key: 'contract-sources', name: 'Contract sources' });
    const admin = project.body.api_keys.find((key: { role: string }) => key.role === 'admin').key as string;
    const publisher = project.body.api_keys.find((key: { role: string }) => key.role === 'publisher').key as string;
    await call('GET', '/v1/catalogs', publisher);
    await call('GET', '/v1/event-types?catalog=feishu_project', publisher);
    await call('PUT', '/v1/event-types/order.created', admin, {
      description: 'A new order',
      schema: { type: 'object', required: ['order_id'], properties: { order_id: { type: 'string' } } },
      example: { order_id: 'o-1' },
    });
    await call('PUT', '/v1/event-types/order.paid', admin, { description: { zh: '已付款', en: 'Paid' } });
    await call('GET', '/v1/event-types?catalog=project', admin);
    await call('POST', '/v1/events', publisher, { type: 'order.created', data: { order_id: 7 } });
    await call('DELETE', '/v1/event-types/order.paid', admin);

    await call('POST', '/v1/ingest/alertmanager', publisher, {
      version: '4',
      groupKey: '{}:{alertname="DiskFull"}',
      status: 'firing',
      receiver: 'herald',
      groupLabels: { alertname: 'DiskFull' },
      commonLabels: { alertname: 'DiskFull' },
      commonAnnotations: {},
      externalURL: 'http://alertmanager.example:9093',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'DiskFull', instance: 'db1' },
          annotations: { summary: 'db1 92%' },
          startsAt: '2024-01-15T10:30:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: 'aaa',
        },
      ],
    });
    await call('POST', '/v1/ingest/feishu-project', publisher, {
      header: { operator: '7147600751534030867', event_type: 'WorkitemCreateEvent', token: 't', uuid: 'u-1' },
      payload: { id: 79697751, name: 'hook测试' },
    });
    const token = await call('POST', '/v1/ingest-tokens', admin, {
      adapter: 'generic',
      name: 'weiyu',
      type_path: 'event_type',
      data_path: 'data',
    });
    await call('GET', '/v1/ingest-tokens', admin);
    const path = new URL(token.body.url).pathname;
    await call('POST', path, undefined, { event_type: 'leave_message', data: { text: 'hello' } });
    await call('POST', path, undefined, { data: {} });
    await call('DELETE', `/v1/ingest-tokens/${token.body.id}`, admin);
    await call('POST', path, undefined, { event_type: 'leave_message', data: {} });

    expect(checked).toEqual(
      expect.arrayContaining([
        'GET /health/live 200',
        'PUT /v1/event-types/order.created 200',
        'POST /v1/events 400',
        'POST /v1/ingest/alertmanager 200',
        'POST /v1/ingest-tokens 201',
        `POST ${path} 200`,
        `POST ${path} 400`,
        `POST ${path} 404`,
      ]),
    );
    expect(problems).toEqual([]);
  });
});
