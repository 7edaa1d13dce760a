import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { FakeJenkins } from '@herald/channel-jenkins/testing';
import { FakeWeCom } from '@herald/channel-wecom/testing';
import { TestApp } from './support/test-app.js';

/**
 * What receivers written for other products get from Herald, through the running server: the HTTP
 * channel's envelopes and JSON templates, and CODING's example configurations for WeCom and Jenkins.
 */
describe('envelopes, JSON templates and CODING examples through the server', () => {
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;
  const receiver = new FakeWebhookReceiver();
  const wecom = new FakeWeCom({ robotKeys: ['coding-robot-key'] });
  const jenkins = new FakeJenkins({ jobs: { 'coding-build-token': ['deploy'] } });
  const fakes = [receiver, wecom, jenkins];

  beforeAll(async () => {
    await Promise.all(fakes.map((fake) => fake.start()));
    herald = await TestApp.start({ HERALD_CHANNELS: '@herald/channel-http,@herald/channel-wecom,@herald/channel-jenkins' });
    project = await herald.createProject('envelopes');
  });
  afterAll(async () => {
    await herald?.stop();
    await Promise.all(fakes.map((fake) => fake.stop()));
  });
  beforeEach(() => {
    for (const fake of fakes) fake.reset();
  });

  /** Subscribes to one event type of its own, publishes it, and waits for the delivery to succeed. */
  async function deliver(channel: string, action: string, config: Record<string, unknown>, event: Record<string, unknown>) {
    const type = `${event.type}`;
    const subscription = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: `${action} ${type}`,
      channel,
      action,
      event_types: [type],
      config,
    });
    expect([subscription.status, subscription.body]).toEqual([201, expect.objectContaining({ action })]);
    const published = await herald.request('POST', '/v1/events', project.publisher, event);
    expect(published.status).toBe(202);
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    return herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
  }

  it("feishu_project: Feishu Project's {header, payload}, the delivery id as uuid and the subscription's token", async () => {
    const data = { id: 111, project_key: 'space_1', work_item_type_key: 'story' };
    const delivery = await deliver(
      'http',
      'webhook_http_post',
      { service_url: `${receiver.url}/fp`, token: 'fp-token-0001', envelope: 'feishu_project' },
      { type: 'feishu_project.WorkitemStatusEvent', source: 'feishu-project', subject: 'user_key_7', data },
    );
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({
      header: { operator: 'user_key_7', event_type: 'WorkitemStatusEvent', token: 'fp-token-0001', uuid: delivery.id },
      payload: data,
    });
  });

  it("weiyu: Weiyu's {event_type, timestamp, data}", async () => {
    const data = { message_id: 'msg_123456', customer_name: '张三', message_content: '我想咨询一下产品价格' };
    await deliver(
      'http',
      'webhook_http_post',
      { service_url: `${receiver.url}/weiyu`, envelope: 'weiyu' },
      { type: 'weiyu.leave_message', time: '2024-01-15T10:30:00Z', data },
    );
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({ event_type: 'leave_message', timestamp: '2024-01-15T10:30:00.000Z', data });
  });

  it('cloudevents: a CloudEvents 1.0 structured event, as application/cloudevents+json', async () => {
    await deliver(
      'http',
      'webhook_http_post',
      { service_url: `${receiver.url}/ce`, envelope: 'cloudevents' },
      { type: 'order.paid', source: 'shop', data: { order: 'A-1' } },
    );
    const [request] = receiver.requests;
    expect(request!.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(JSON.parse(request!.body)).toMatchObject({ specversion: '1.0', type: 'order.paid', source: 'shop', data: { order: 'A-1' } });
  });

  it('a JSON template stays valid JSON with quotes and newlines in the event, and objects inserted whole', async () => {
    const data = { title: 'Printer "P-2" on fire\nsecond line', tags: ['hw', 'urgent'] };
    await deliver(
      'http',
      'webhook_http_post',
      { service_url: `${receiver.url}/tpl`, template: '{"text":"Alert: ${data.title}","tags":${data.tags},"all":${data}}' },
      { type: 'ticket.created', data },
    );
    const [request] = receiver.requests;
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({ text: `Alert: ${data.title}`, tags: data.tags, all: data });
  });

  it("webhook_http_get without a template carries the event's data", async () => {
    await deliver('http', 'webhook_http_get', { service_url: `${receiver.url}/get` }, { type: 'ping.sent', data: { host: 'db-1' } });
    const query = new URL(receiver.requests[0]!.url, receiver.url).searchParams;
    expect(query.get('event_type')).toBe('ping.sent');
    expect(JSON.parse(query.get('event_data')!)).toEqual({ host: 'db-1' });
  });

  it("CODING's WeCom markdown example with mentions: <@ZhangSan> in the markdown, the mobile in a text message after it", async () => {
    await deliver(
      'wecom',
      'wecom_group_chat_robot',
      {
        service_url: wecom.robotUrl('coding-robot-key'),
        msg_type: 'markdown',
        mentioned: 'ZhangSan',
        mentioned_mobile: '18000000000',
        template: '测试模板 ${project.name}',
      },
      { type: 'coding.push', data: {} },
    );
    expect(wecom.robotMessages.map((message) => message.body)).toEqual([
      { msgtype: 'markdown', markdown: { content: '测试模板 Project envelopes\n<@ZhangSan>' } },
      { msgtype: 'text', text: { content: 'coding.push', mentioned_mobile_list: ['18000000000'] } },
    ]);
  });

  it("CODING's Jenkins example as written: a trailing space in request_parameters, a text template, build_args", async () => {
    await deliver(
      'jenkins',
      'jenkins_generic_build_job',
      {
        service_url: jenkins.invokeUrl,
        build_token: 'coding-build-token',
        build_args: '{"arg":"value"}',
        request_parameters: 'project=example&job=1 ',
        header_parameters: 'Accept: text/html',
        template: '测试模板 ${project.name}',
      },
      { type: 'coding.code_push', data: { ref: 'refs/heads/main' } },
    );
    expect(jenkins.builds).toHaveLength(1);
    const [request] = jenkins.requests;
    expect(new URL(request!.url, jenkins.url).search).toBe('?project=example&job=1');
    expect(JSON.parse(request!.body)).toMatchObject({ type: 'coding.code_push', message: '测试模板 Project envelopes', arg: 'value' });
  });
});
