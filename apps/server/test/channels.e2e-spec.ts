import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeDingTalk } from '@herald/channel-dingtalk/testing';
import { FakeDiscord } from '@herald/channel-discord/testing';
import { FakeFeishu } from '@herald/channel-feishu/testing';
import { FakeJenkins } from '@herald/channel-jenkins/testing';
import { FakeSlack } from '@herald/channel-slack/testing';
import { FakeWeCom } from '@herald/channel-wecom/testing';
import { FIRST_PARTY_CHANNELS } from '../src/config/herald-config.js';
import { eventually } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

const dingtalkSecret = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
const feishuSecret = 'qNV3n3XKCb5y9QJ6Nv3ZMb';
const wecomApp = { corpId: 'ww0123456789abcdef', agentId: 1000002, secret: 'app-secret-0123456789' };

describe('every first-party channel through the running server', () => {
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;
  const feishu = new FakeFeishu({ secret: feishuSecret });
  const dingtalk = new FakeDingTalk({ secret: dingtalkSecret, windowMs: 3_000 });
  const wecom = new FakeWeCom({ robotKeys: ['robot-key-0001'], app: wecomApp });
  const slack = new FakeSlack();
  const discord = new FakeDiscord();
  const jenkins = new FakeJenkins({ jobs: { 'herald-build-token': ['deploy'] } });
  const fakes = [feishu, dingtalk, wecom, slack, discord, jenkins];

  beforeAll(async () => {
    await Promise.all(fakes.map((fake) => fake.start()));
    herald = await TestApp.start({ HERALD_CHANNELS: FIRST_PARTY_CHANNELS.join(',') });
    project = await herald.createProject('channels');
  });
  afterAll(async () => {
    await herald?.stop();
    await Promise.all(fakes.map((fake) => fake.stop()));
  });

  async function subscribe(channel: string, action: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const response = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: action,
      channel,
      action,
      event_types: [`${action}.*`],
      config,
      retry_policy: { initial_delay_ms: 200, max_delay_ms: 1_000 },
      ...extra,
    });
    expect([response.status, response.body]).toEqual([201, expect.objectContaining({ action })]);
    return response.body;
  }

  async function publishAndSettle(action: string, status: 'succeeded' | 'failed', data: object = { order: 'A-1001', amount: 42 }) {
    const published = await herald.request('POST', '/v1/events', project.publisher, { type: `${action}.created`, source: 'shop', data });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    return herald.waitForDelivery(project.admin, delivery.id, status);
  }

  it('lists all seven first-party channels with their actions and schemas', async () => {
    const response = await herald.request('GET', '/v1/channels', project.admin);
    const actions = Object.fromEntries(
      response.body.data.map((channel: any) => [channel.id, channel.actions.map((action: any) => action.id)]),
    );
    expect(actions).toEqual({
      http: ['webhook_http_post', 'webhook_http_get'],
      feishu: ['feishu_group_chat_robot', 'feishu_app_message'],
      wecom: expect.arrayContaining(['wecom_group_chat_robot', 'wecom_app_message']),
      dingtalk: ['dingding_group_chat_robot', 'dingtalk_work_notice'],
      slack: ['slack_incoming_webhook'],
      discord: ['discord_webhook'],
      jenkins: ['jenkins_generic_build_job'],
    });
    for (const channel of response.body.data) {
      for (const action of channel.actions) expect(Object.keys(action.config_schema.properties).length).toBeGreaterThan(0);
    }
  });

  it('describes every field of every action in English and, as x-description-zh, in Chinese', async () => {
    const response = await herald.request('GET', '/v1/channels', project.admin);
    const fields = response.body.data.flatMap((channel: any) =>
      channel.actions.flatMap((action: any) =>
        Object.entries(action.config_schema.properties).map(([field, property]: [string, any]) => ({
          field: `${channel.id}.${action.id}.${field}`,
          english: typeof property.description === 'string' && property.description.length > 0,
          chinese: /[\u4e00-\u9fff]{2}/.test(property['x-description-zh'] ?? ''),
        })),
      ),
    );
    expect(fields.length).toBeGreaterThan(60);
    expect(fields.filter((entry: { english: boolean; chinese: boolean }) => !entry.english || !entry.chinese)).toEqual([]);
  });

  it('names every channel and action, and describes every action, in Chinese beside English', async () => {
    const response = await herald.request('GET', '/v1/channels', project.admin);
    const names = Object.fromEntries(response.body.data.map((channel: any) => [channel.id, channel.display_name_zh]));
    expect(names).toEqual({
      http: 'HTTP Webhook',
      feishu: '飞书 / Lark',
      wecom: '企业微信',
      dingtalk: '钉钉',
      slack: 'Slack',
      discord: 'Discord',
      jenkins: 'Jenkins',
    });
    const actions = response.body.data.flatMap((channel: any) =>
      channel.actions.map((action: any) => ({
        action: `${channel.id}.${action.id}`,
        english: [action.display_name, action.description].every((text) => typeof text === 'string' && text.length > 0),
        chinese: /[\u4e00-\u9fff]{2}/.test(action.description_zh ?? '') && /\S/.test(action.display_name_zh ?? ''),
      })),
    );
    expect(actions.length).toBeGreaterThanOrEqual(11);
    expect(actions.filter((entry: { english: boolean; chinese: boolean }) => !entry.english || !entry.chinese)).toEqual([]);
    const dingtalk = response.body.data.find((channel: any) => channel.id === 'dingtalk');
    expect(dingtalk.actions.map((action: any) => [action.display_name_zh, action.description_zh])).toEqual([
      ['钉钉群自定义机器人', expect.stringContaining('通过自定义机器人发送到钉钉群')],
      ['钉钉工作通知', expect.stringContaining('工作通知')],
    ]);
  });

  it.each([
    [
      'feishu',
      'feishu_group_chat_robot',
      () => ({ service_url: feishu.webhookUrl(), sign: feishuSecret, msg_type: 'text', template: '新订单 ${data.order}' }),
      () => feishu.messages.length,
    ],
    [
      'dingtalk',
      'dingding_group_chat_robot',
      () => ({ service_url: dingtalk.webhookUrl(), sign: dingtalkSecret, msg_type: 'markdown' }),
      () => dingtalk.messages.length,
    ],
    [
      'wecom',
      'wecom_group_chat_robot',
      () => ({ service_url: wecom.robotUrl('robot-key-0001'), msg_type: 'text', template: 'order ${data.order}' }),
      () => wecom.robotMessages.length,
    ],
    [
      'wecom',
      'wecom_app_message',
      () => ({
        corp_id: wecomApp.corpId,
        agent_id: wecomApp.agentId,
        secret: wecomApp.secret,
        to_users: 'zhangsan',
        template: 'order ${data.order}',
        api_base_url: wecom.url,
      }),
      () => wecom.appMessages.length,
    ],
    ['slack', 'slack_incoming_webhook', () => ({ service_url: slack.createWebhook(), msg_type: 'blocks' }), () => slack.messages.length],
    [
      'discord',
      'discord_webhook',
      () => ({ service_url: discord.webhookUrl, msg_type: 'embed', username: 'Herald' }),
      () => discord.messages.length,
    ],
    [
      'jenkins',
      'jenkins_generic_build_job',
      () => ({ service_url: jenkins.invokeUrl, build_token: 'herald-build-token', build_args: '{"branch":"main"}' }),
      () => jenkins.builds.length,
    ],
  ])('%s %s: the fake accepts the message and the log keeps its answer', async (channel, action, config, accepted) => {
    const before = accepted();
    await subscribe(channel, action, config());
    const delivery = await publishAndSettle(action, 'succeeded');
    expect(accepted()).toBe(before + 1);
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({ outcome: 'delivered', response_status: expect.any(Number) });
    expect(JSON.stringify(delivery.attempts[0].request)).not.toMatch(/SEC0123|robot-key-0001|app-secret|herald-build-token/);
  });

  it('a platform refusal in an HTTP 200 ends failed with a readable reason (DingTalk keyword check)', async () => {
    const keywordRobot = 'keyword0robot0token';
    dingtalk.addRobot({ accessToken: keywordRobot, keywords: ['告警'] });
    await subscribe(
      'dingtalk',
      'dingding_group_chat_robot',
      { service_url: dingtalk.webhookUrl(keywordRobot), msg_type: 'text', template: 'no keyword here' },
      { event_types: ['keyword.*'] },
    );
    const published = await herald.request('POST', '/v1/events', project.publisher, { type: 'keyword.created' });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    const failed = await herald.waitForDelivery(project.admin, delivery.id, 'failed');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.last_error).toContain('310000');
    expect(failed.last_error).toContain('keywords');
  });

  it("a throttle answer is retried after the platform's window (Slack 429 Retry-After)", async () => {
    const url = slack.createWebhook();
    await subscribe(
      'slack',
      'slack_incoming_webhook',
      { service_url: url, msg_type: 'text', template: 'throttled ${data.order}' },
      { event_types: ['throttle.*'] },
    );
    slack.failNext('rate_limited', 1, 1);
    const published = await herald.request('POST', '/v1/events', project.publisher, { type: 'throttle.created', data: { order: 'B-7' } });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    const done = await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    expect(done.attempts.map((attempt: any) => [attempt.outcome, attempt.response_status])).toEqual([
      ['retry', 429],
      ['delivered', 200],
    ]);
    const gap = Date.parse(done.attempts[1].started_at) - Date.parse(done.attempts[0].started_at);
    expect(gap).toBeGreaterThanOrEqual(1_000);
  });

  it('forty events at once to one DingTalk robot all arrive, none throttled', async () => {
    const robot = 'forty0events0robot0token';
    // DingTalk counts a message when it arrives, Herald when it admits it; Herald counts each window
    // 10% longer, at most 1 s, to absorb the difference (redis-rate-limiter.ts). DingTalk's minute gets
    // that whole second; a window of a few seconds would get a few hundred milliseconds, less than the
    // first of twenty concurrent requests may take to arrive under load, and the robot would ban itself
    // for ten minutes. A 10 s window gives the test the margin DingTalk gets.
    const windowMs = 10_000;
    const window = new FakeDingTalk({ accessToken: robot, maxPerWindow: 20, windowMs });
    await window.start();
    try {
      await subscribe(
        'dingtalk',
        'dingding_group_chat_robot',
        { service_url: window.webhookUrl(), msg_type: 'text', template: '#${data.n}' },
        {
          event_types: ['burst.*'],
          rate_limit: { max: 20, per_ms: windowMs },
        },
      );
      const events = Array.from({ length: 40 }, (_, n) => ({ type: 'burst.created', data: { n } }));
      const published = await herald.request('POST', '/v1/events/batch', project.publisher, { events });
      expect(published.status).toBe(202);
      // The second twenty wait for the first window to pass; a refusal ends the wait, as none would arrive for ten minutes.
      const arrivals = () => window.messages.map((message) => message.receivedAt - window.messages[0]!.receivedAt).join(', ');
      await eventually(() => window.messages.length >= 40 || window.requests.length > window.messages.length, {
        timeout: 4 * windowMs,
        what: () => `all forty messages arrived (${window.requests.length} requests; arrivals at ms ${arrivals()})`,
      });
      const refused = window.requests.length - window.messages.length;
      expect(refused).toBe(0);
      expect(window.messages).toHaveLength(40);
      const texts = window.messages.map((message) => (message.body as { text: { content: string } }).text.content);
      expect(new Set(texts).size).toBe(40);
    } finally {
      await window.stop();
    }
  });
});
