import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { eventually } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

/** Feishu Project's WorkitemCreateEvent as its document shows it, with an extra field it may add some day. */
function feishuProjectWebhook(uuid: string, token = 'fp-verify-123') {
  return {
    header: { operator: '7147600751534030867', event_type: 'WorkitemCreateEvent', token, uuid, tenant_key: 'added-later' },
    payload: {
      id: 79697751,
      name: 'hook测试',
      project_key: '639068b0bd50cb571bd8591e',
      work_item_type_key: 'story',
      created_by: '7147600751534030867',
    },
    extension: { added: 'later' },
  };
}

/** Weiyu's leave_message push, from its Webhook document. */
const weiyuLeaveMessage = {
  event_type: 'leave_message',
  timestamp: '2024-01-15T10:30:00Z',
  data: {
    message_id: 'msg_123456',
    customer_name: '张三',
    customer_phone: '13800138000',
    customer_email: 'zhangsan@example.com',
    message_content: '我想咨询一下产品价格',
    channel: 'web',
    created_time: '2024-01-15T10:30:00Z',
  },
};

describe('ingest adapters and tokens', () => {
  const receiver = new FakeWebhookReceiver();
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    await receiver.start();
    herald = await TestApp.start();
    project = await herald.createProject('ingest');
    const subscription = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'everything from the sources',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['feishu_project.*', 'weiyu.*', 'apipost.*', 'alertmanager.*'],
      config: { service_url: `${receiver.url}/all` },
    });
    expect(subscription.status).toBe(201);
  });
  afterAll(async () => {
    await herald?.stop();
    await receiver.stop();
  });

  const received = (type: string) => receiver.requests.filter((request) => JSON.parse(request.body).type === type);

  it('takes a Feishu Project webhook with a key: one event per uuid, the payload as data, the operator kept, unknown fields ignored', async () => {
    const first = await herald.request(
      'POST',
      '/v1/ingest/feishu-project',
      project.publisher,
      feishuProjectWebhook('76283b9afefac6fad91132c2ddf2ffc0'),
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ type: 'feishu_project.WorkitemCreateEvent', deliveries: 1, duplicate: false });
    const again = await herald.request(
      'POST',
      '/v1/ingest/feishu-project',
      project.publisher,
      feishuProjectWebhook('76283b9afefac6fad91132c2ddf2ffc0'),
    );
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });

    const event = (await herald.request('GET', `/v1/events/${first.body.id}`, project.admin)).body;
    expect(event).toMatchObject({
      idempotency_key: '76283b9afefac6fad91132c2ddf2ffc0',
      type: 'feishu_project.WorkitemCreateEvent',
      source: 'feishu-project',
      subject: '7147600751534030867',
      data: { id: 79697751, name: 'hook测试', work_item_type_key: 'story' },
    });
    const [delivery] = await eventually(() =>
      received('feishu_project.WorkitemCreateEvent').length > 0 ? received('feishu_project.WorkitemCreateEvent') : undefined,
    );
    expect(JSON.parse(delivery!.body).data.project_key).toBe('639068b0bd50cb571bd8591e');

    const broken = await herald.request('POST', '/v1/ingest/feishu-project', project.publisher, { header: { uuid: 'x' }, payload: {} });
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([{ field: 'body.header.event_type', message: 'is required' }]);
    expect((await herald.request('POST', '/v1/ingest/feishu-project', undefined, feishuProjectWebhook('u-2'))).status).toBe(401);
  });

  it('keeps the automation rule’s name (header.rule_name) for templates, and gives it back in the feishu_project envelope', async () => {
    const header = { operator: '7147600751534030867', event_type: 'TimedTriggerEvent', token: 'fp-verify-123', uuid: 'rule-fired-1' };
    const payload = {
      project_key: '639068b0bd50cb571bd8591e',
      project_simple_name: 'xhh_test1',
      trigger_at: 1639548775000,
      work_items: [{ id: 79697751, name: 'hook测试', work_item_type_key: 'story' }],
    };
    const forward = async (name: string, config: Record<string, unknown>) => {
      const created = await herald.request('POST', '/v1/subscriptions', project.admin, {
        name,
        channel: 'http',
        action: 'webhook_http_post',
        event_types: ['feishu_project.TimedTriggerEvent'],
        config: { service_url: `${receiver.url}/${name}`, ...config },
      });
      expect(created.status).toBe(201);
    };
    await forward('rule-envelope', { envelope: 'feishu_project', token: 'downstream-token' });
    await forward('rule-template', { template: '{"text":"规则 ${data.rule_name} 已触发"}' });

    const published = await herald.request('POST', '/v1/ingest/feishu-project', project.publisher, {
      header: { ...header, rule_name: '每日到期提醒' },
      payload,
    });
    expect(published.status).toBe(200);
    const event = (await herald.request('GET', `/v1/events/${published.body.id}`, project.admin)).body;
    expect(event).toMatchObject({ subject: header.operator, data: { ...payload, rule_name: '每日到期提醒' } });

    const at = (path: string) => receiver.requests.find((request) => request.url.startsWith(`/${path}`));
    const [envelope, templated] = await eventually(
      () => at('rule-envelope') && at('rule-template') && [at('rule-envelope')!, at('rule-template')!],
    );
    expect(JSON.parse(envelope.body)).toEqual({
      header: { ...header, token: 'downstream-token', uuid: expect.stringMatching(/^dlv_/), rule_name: '每日到期提醒' },
      payload,
    });
    expect(JSON.parse(templated.body)).toEqual({ text: '规则 每日到期提醒 已触发' });
  });

  it('gives a URL to senders that can only be given one, checks Feishu Project’s header.token, and stops taking it once revoked', async () => {
    expect((await herald.request('POST', '/v1/ingest-tokens', project.publisher, { adapter: 'feishu-project', name: 'fp' })).status).toBe(
      403,
    );
    const created = await herald.request('POST', '/v1/ingest-tokens', project.admin, {
      adapter: 'feishu-project',
      name: '飞书项目空间',
      verification_token: 'fp-verify-123',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      adapter: 'feishu-project',
      name: '飞书项目空间',
      verifies_token: true,
      token: expect.stringMatching(/^hit_/),
    });
    expect(created.body.url).toBe(`${herald.baseUrl}/v1/ingest/feishu-project/${created.body.token}`);
    const path = new URL(created.body.url).pathname;

    const wrongToken = await herald.request('POST', path, undefined, feishuProjectWebhook('u-10', 'guessed'));
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.body.message).toContain('header.token does not match');
    const accepted = await herald.request('POST', path, undefined, feishuProjectWebhook('u-10'));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ type: 'feishu_project.WorkitemCreateEvent', duplicate: false });

    const listed = (await herald.request('GET', '/v1/ingest-tokens', project.admin)).body.data;
    expect(listed).toEqual([
      expect.objectContaining({ id: created.body.id, last_used_at: expect.any(String), token_prefix: created.body.token.slice(0, 8) }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.body.token);
    expect(JSON.stringify(listed)).not.toContain('fp-verify-123');

    expect((await herald.request('POST', `/v1/ingest/generic/${created.body.token}`, undefined, {})).status).toBe(404);
    expect((await herald.request('DELETE', `/v1/ingest-tokens/${created.body.id}`, project.admin)).status).toBe(204);
    const revoked = await herald.request('POST', path, undefined, feishuProjectWebhook('u-11'));
    expect(revoked.status).toBe(404);
    expect(revoked.body.message).toContain('unknown or was revoked');
  });

  it('feeds Weiyu’s own webhook into Herald through a generic token: type from event_type, data from data, id from the message id', async () => {
    const token = (
      await herald.request('POST', '/v1/ingest-tokens', project.admin, {
        adapter: 'generic',
        name: 'weiyu',
        type_path: 'event_type',
        type_prefix: 'weiyu.',
        data_path: 'data',
        id_path: 'data.message_id',
        time_path: 'timestamp',
      })
    ).body;
    const path = new URL(token.url).pathname;
    const first = await herald.request('POST', path, undefined, weiyuLeaveMessage);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ type: 'weiyu.leave_message', duplicate: false, deliveries: 1 });
    expect((await herald.request('POST', path, undefined, weiyuLeaveMessage)).body).toMatchObject({ id: first.body.id, duplicate: true });
    const event = (await herald.request('GET', `/v1/events/${first.body.id}`, project.admin)).body;
    expect(event).toMatchObject({ source: 'weiyu', time: '2024-01-15T10:30:00.000Z', data: weiyuLeaveMessage.data });

    const noType = await herald.request('POST', path, undefined, { data: {} });
    expect(noType.status).toBe(400);
    expect(noType.body.errors[0].field).toBe('body.event_type');
  });

  it('feeds Apipost through a generic token with a fixed type, the whole body as data', async () => {
    const token = (
      await herald.request('POST', '/v1/ingest-tokens', project.admin, {
        adapter: 'generic',
        name: 'apipost',
        type: 'apipost.api.updated',
        source: 'apipost',
      })
    ).body;
    const body = { project_name: '商城接口', api_id: 'api_30f2', name: '创建订单', method: 'POST', url: '/orders' };
    const result = await herald.request('POST', new URL(token.url).pathname, undefined, body);
    expect(result.body).toMatchObject({ type: 'apipost.api.updated', deliveries: 1 });
    const [delivery] = await eventually(() => (received('apipost.api.updated').length > 0 ? received('apipost.api.updated') : undefined));
    expect(JSON.parse(delivery!.body)).toMatchObject({ source: 'apipost', data: body });
  });

  it('refuses token settings that do not fit the adapter, by field', async () => {
    const neither = await herald.request('POST', '/v1/ingest-tokens', project.admin, { adapter: 'generic', name: 'x' });
    expect(neither.status).toBe(400);
    expect(neither.body.errors[0].field).toBe('type_path');
    const misplaced = await herald.request('POST', '/v1/ingest-tokens', project.admin, {
      adapter: 'alertmanager',
      name: 'x',
      verification_token: 'y',
    });
    expect(misplaced.body.errors[0].field).toBe('verification_token');
    const badPath = await herald.request('POST', '/v1/ingest-tokens', project.admin, { adapter: 'generic', name: 'x', type_path: 'a..b' });
    expect(badPath.status).toBe(400);
    expect(badPath.body.message).toContain('type_path must be a field path');
    const badAdapter = await herald.request('POST', '/v1/ingest-tokens', project.admin, { adapter: 'jira', name: 'x' });
    expect(badAdapter.body.message).toContain('adapter must be one of alertmanager, feishu-project, generic');
  });

  it('turns an Alertmanager webhook into one event per alert, and a repeat of it into nothing new', async () => {
    const webhook = {
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
          startsAt: '2024-01-15T10:30:00.123456789Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: 'aaa',
        },
        {
          status: 'firing',
          labels: { alertname: 'DiskFull', instance: 'db2' },
          annotations: { summary: 'db2 95%' },
          startsAt: '2024-01-15T10:31:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: 'bbb',
        },
      ],
    };
    const first = await herald.request('POST', '/v1/ingest/alertmanager', project.publisher, webhook);
    expect(first.status).toBe(200);
    expect(first.body.events).toEqual([
      expect.objectContaining({ type: 'alertmanager.firing', duplicate: false, deliveries: 1 }),
      expect.objectContaining({ type: 'alertmanager.firing', duplicate: false, deliveries: 1 }),
    ]);
    const repeat = await herald.request('POST', '/v1/ingest/alertmanager', project.publisher, webhook);
    expect(repeat.body.events.map((event: { duplicate: boolean }) => event.duplicate)).toEqual([true, true]);

    const event = (await herald.request('GET', `/v1/events/${first.body.events[0].id}`, project.admin)).body;
    expect(event).toMatchObject({
      type: 'alertmanager.firing',
      subject: 'DiskFull',
      time: '2024-01-15T10:30:00.123Z',
      data: { labels: { instance: 'db1' }, groupLabels: { alertname: 'DiskFull' }, receiver: 'herald', fingerprint: 'aaa' },
    });
    const resolved = await herald.request('POST', '/v1/ingest/alertmanager', project.publisher, {
      ...webhook,
      status: 'resolved',
      alerts: [{ ...webhook.alerts[0], status: 'resolved', endsAt: '2024-01-15T10:45:00Z' }],
    });
    expect(resolved.body.events).toEqual([expect.objectContaining({ type: 'alertmanager.resolved', duplicate: false })]);

    const broken = await herald.request('POST', '/v1/ingest/alertmanager', project.publisher, {
      alerts: [{ status: 'burning', labels: {}, startsAt: 'x' }],
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].field).toBe('body.alerts[0].status');
  });
});
