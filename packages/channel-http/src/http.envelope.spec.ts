import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sendOnce } from '@herald/channel-sdk';
import { httpChannel, webhookHttpGet, webhookHttpPost } from './http.channel.js';
import { FakeWebhookReceiver } from './testing/index.js';

const token = 'fp-verification-token';
const event = {
  id: 'evt_42',
  type: 'feishu_project.WorkitemStatusEvent',
  source: 'feishu-project',
  time: '2024-01-15T10:30:00Z',
  subject: 'user_key_7',
  data: { id: 111, project_key: 'space_1', work_item_type_key: 'story', title: 'say "hi"\nbye' },
};

describe('HTTP POST envelopes, as receivers of other products expect them', () => {
  const receiver = new FakeWebhookReceiver({ token });
  const post = (config: Record<string, unknown>, input: Record<string, unknown> = event) =>
    sendOnce(httpChannel, {
      action: 'webhook_http_post',
      config: { service_url: `${receiver.url}/hook`, token, ...config },
      event: input as never,
    });
  const received = () => ({ body: JSON.parse(receiver.requests[0]!.body), contentType: receiver.requests[0]!.headers['content-type'] });
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => receiver.reset());

  it("herald (the default): Herald's own envelope", async () => {
    expect((await post({})).status).toBe('delivered');
    expect(received()).toEqual({
      contentType: 'application/json',
      body: {
        id: 'evt_42',
        type: event.type,
        source: event.source,
        time: event.time,
        subject: event.subject,
        data: event.data,
        project: { key: 'local', name: 'local' },
        subscription: { id: 'local', name: 'local' },
      },
    });
  });

  it("feishu_project: Feishu Project's {header, payload}, uuid the delivery id, token the subscription's", async () => {
    const outcome = await post({ envelope: 'feishu_project' });
    expect(outcome.status).toBe('delivered');
    const { body } = received();
    expect(body).toEqual({
      header: {
        operator: 'user_key_7',
        event_type: 'WorkitemStatusEvent',
        token,
        uuid: receiver.requests[0]!.headers['x-herald-delivery'],
      },
      payload: event.data,
    });
    expect(body.header.uuid).toMatch(/^dlv_/);
  });

  it('feishu_project: an automation rule’s name in the data goes back to header.rule_name, out of the payload', async () => {
    const payload = { project_key: 'space_1', trigger_at: 1639548775000 };
    const fired = { ...event, type: 'feishu_project.TimedTriggerEvent', data: { ...payload, rule_name: '每日到期提醒' } };
    expect((await post({ envelope: 'feishu_project' }, fired)).status).toBe('delivered');
    expect(received().body).toEqual({
      header: {
        operator: 'user_key_7',
        event_type: 'TimedTriggerEvent',
        token,
        uuid: expect.stringMatching(/^dlv_/),
        rule_name: '每日到期提醒',
      },
      payload,
    });
  });

  it("weiyu: Weiyu's {event_type, timestamp, data}", async () => {
    await post({ envelope: 'weiyu' }, { ...event, type: 'weiyu.leave_message', data: { message_id: 'msg_123456' } });
    expect(received().body).toEqual({ event_type: 'leave_message', timestamp: event.time, data: { message_id: 'msg_123456' } });
  });

  it('cloudevents: a CloudEvents 1.0 event in structured mode, with its content type', async () => {
    await post({ envelope: 'cloudevents' });
    expect(received()).toEqual({
      contentType: 'application/cloudevents+json; charset=utf-8',
      body: {
        specversion: '1.0',
        id: 'evt_42',
        source: event.source,
        type: event.type,
        time: event.time,
        subject: event.subject,
        datacontenttype: 'application/json',
        data: event.data,
      },
    });
  });

  it('a JSON template stays valid JSON whatever the event holds: quotes, newlines, objects inserted whole', async () => {
    const template = '{"text":"${data.title} (${event.type})","item":${data},"id":${data.id},"missing":${data.nothing}}';
    expect((await post({ template })).status).toBe('delivered');
    expect(received()).toEqual({
      contentType: 'application/json',
      body: { text: `say "hi"\nbye (${event.type})`, item: event.data, id: 111, missing: null },
    });
  });

  it('a text template is sent as text', async () => {
    await post({ template: 'New item: ${data.title}' });
    expect(receiver.requests[0]!.body).toBe('New item: say "hi"\nbye');
    expect(receiver.requests[0]!.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('HTTP GET without a template', () => {
  const receiver = new FakeWebhookReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  it("carries the event's subject and data as well as its id, type, source and time", async () => {
    const outcome = await sendOnce(httpChannel, { action: 'webhook_http_get', config: { service_url: `${receiver.url}/get?x=1` }, event });
    expect(outcome.status).toBe('delivered');
    const query = new URL(receiver.requests[0]!.url, receiver.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      x: '1',
      event_id: 'evt_42',
      event_type: event.type,
      event_source: event.source,
      event_time: event.time,
      event_subject: event.subject,
      event_data: JSON.stringify(event.data),
    });
  });
});

describe('HTTP envelope and template checks', () => {
  const issues = (action: typeof webhookHttpPost, config: Record<string, unknown>) => {
    const parsed = action.parseConfig({ service_url: 'https://hooks.example.com/x', ...config });
    return parsed.ok ? [] : parsed.issues;
  };

  it.each([
    [webhookHttpPost, { envelope: 'xml' }, 'envelope', 'envelope must be one of herald, feishu_project, weiyu, cloudevents'],
    [webhookHttpPost, { envelope: 'weiyu', template: '{}' }, 'envelope', 'envelope shapes the body only when there is no template'],
    [webhookHttpGet, { envelope: 'cloudevents' }, 'envelope', 'envelope applies to webhook_http_post'],
    [webhookHttpPost, { template: '{"a": ${data.x} ${data.y}}' }, 'template', 'template starts like JSON but renders invalid JSON'],
  ])('refuses %#: %j', (action, config, field, message) => {
    expect(issues(action, config)).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it('accepts each envelope on POST', () => {
    for (const envelope of ['herald', 'feishu_project', 'weiyu', 'cloudevents']) expect(issues(webhookHttpPost, { envelope })).toEqual([]);
  });
});
