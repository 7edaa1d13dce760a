import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeDingTalkApp } from '@herald/channel-dingtalk/testing';
import { FakeFeishuApp } from '@herald/channel-feishu/testing';
import { FakeWeCom } from '@herald/channel-wecom/testing';
import { FIRST_PARTY_CHANNELS } from '../src/config/herald-config.js';
import { createScratchEnvironment, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { TestApp } from './support/test-app.js';

const feishuUsers = [
  { open_id: 'ou_0a1b2c3d4e5f', email: 'zhangsan@example.com' },
  { open_id: 'ou_1b2c3d4e5f6a', email: 'lisi@example.com' },
];
const wecomApp = {
  corpId: 'ww0123456789abcdef',
  agentId: 1000002,
  secret: 'wecom-app-secret-0123456789',
  users: ['zhangsan', 'lisi', 'wangwu'],
  parties: { '2': ['lisi'] },
  tags: { '7': ['wangwu'] },
};

/** Messages to people: Feishu app messages, DingTalk work notices, WeCom app messages to departments and tags. */
describe('app messages to people through the running server', () => {
  let environment: ScratchEnvironment;
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;
  const feishu = new FakeFeishuApp({ users: feishuUsers });
  const dingtalk = new FakeDingTalkApp({ users: ['manager4220'], departments: { '1001': ['lisi', 'wangwu'] } });
  const wecom = new FakeWeCom({ app: wecomApp });
  const fakes = [feishu, dingtalk, wecom];
  const env = { HERALD_CHANNELS: FIRST_PARTY_CHANNELS.join(',') };

  const configs: Record<string, () => Record<string, unknown>> = {
    feishu_app_message: () => ({
      app_id: feishu.appId,
      app_secret: feishu.appSecret,
      receive_ids: ['ou_0a1b2c3d4e5f', 'ou_1b2c3d4e5f6a'],
      template: '新订单 ${data.order}',
      api_base_url: feishu.url,
    }),
    dingtalk_work_notice: () => ({
      app_key: dingtalk.appKey,
      app_secret: dingtalk.appSecret,
      agent_id: dingtalk.agentId,
      userid_list: 'manager4220',
      dept_id_list: '1001',
      api_base_url: dingtalk.url,
    }),
    wecom_app_message: () => ({
      corp_id: wecomApp.corpId,
      agent_id: wecomApp.agentId,
      secret: wecomApp.secret,
      to_users: 'zhangsan',
      to_parties: '2',
      to_tags: '7',
      template: 'order ${data.order}',
      api_base_url: wecom.url,
    }),
  };
  const channelOf: Record<string, string> = { feishu_app_message: 'feishu', dingtalk_work_notice: 'dingtalk', wecom_app_message: 'wecom' };

  beforeAll(async () => {
    await Promise.all(fakes.map((fake) => fake.start()));
    environment = await createScratchEnvironment(env);
    herald = await TestApp.start(env, environment);
    project = await herald.createProject('appmsg');
    for (const action of Object.keys(configs)) {
      const response = await herald.request('POST', '/v1/subscriptions', project.admin, {
        name: action,
        channel: channelOf[action],
        action,
        event_types: [`${action}.*`],
        config: configs[action]!(),
        retry_policy: { initial_delay_ms: 200, max_delay_ms: 1_000 },
      });
      expect([response.status, response.body]).toEqual([201, expect.objectContaining({ action })]);
    }
  });
  afterAll(async () => {
    await herald?.stop(false);
    await environment?.dispose();
    await Promise.all(fakes.map((fake) => fake.stop()));
  });

  async function publishAndSettle(action: string, order: string) {
    const published = await herald.request('POST', '/v1/events', project.publisher, {
      type: `${action}.created`,
      source: 'shop',
      data: { order },
    });
    expect(published.status).toBe(202);
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    return herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
  }

  it('GET /v1/channels lists the new actions with their schemas, secrets write-only', async () => {
    const response = await herald.request('GET', '/v1/channels', project.admin);
    const action = (channel: string, id: string) =>
      response.body.data.find((entry: any) => entry.id === channel).actions.find((entry: any) => entry.id === id);
    expect(action('feishu', 'feishu_app_message').config_schema).toMatchObject({
      properties: {
        app_id: expect.any(Object),
        app_secret: { writeOnly: true },
        receive_id_type: { enum: ['open_id', 'user_id', 'union_id', 'email', 'chat_id'] },
        receive_ids: { type: 'array' },
        msg_type: expect.any(Object),
        template: expect.any(Object),
        api_base_url: expect.any(Object),
      },
    });
    expect(action('dingtalk', 'dingtalk_work_notice').config_schema).toMatchObject({
      properties: {
        app_key: expect.any(Object),
        app_secret: { writeOnly: true },
        agent_id: expect.any(Object),
        userid_list: expect.any(Object),
        dept_id_list: expect.any(Object),
        to_all_user: { type: 'boolean' },
        msg_type: expect.any(Object),
        template: expect.any(Object),
        api_base_url: expect.any(Object),
      },
    });
    expect(Object.keys(action('wecom', 'wecom_app_message').config_schema.properties)).toEqual(
      expect.arrayContaining(['to_users', 'to_parties', 'to_tags']),
    );
  });

  it('a Feishu app message reaches each receiver, one message each, and the secret stays out of the log', async () => {
    const delivery = await publishAndSettle('feishu_app_message', 'A-1001');
    expect(delivery.attempts).toHaveLength(1);
    expect(feishu.messages.map((message) => [message.receiveId, message.content])).toEqual([
      ['ou_0a1b2c3d4e5f', { text: '新订单 A-1001' }],
      ['ou_1b2c3d4e5f6a', { text: '新订单 A-1001' }],
    ]);
    expect(JSON.stringify(delivery)).not.toContain(feishu.appSecret);
    expect(JSON.stringify(delivery)).not.toMatch(/t-[0-9a-f]{40}/);
  });

  it('a DingTalk work notice reaches the user and the department', async () => {
    const delivery = await publishAndSettle('dingtalk_work_notice', 'A-1002');
    expect(delivery.attempts).toHaveLength(1);
    expect(dingtalk.notices.map((notice) => notice.deliveredTo)).toEqual([['manager4220', 'lisi', 'wangwu']]);
    expect(JSON.stringify(delivery)).not.toContain(dingtalk.appSecret);
  });

  it('a WeCom app message reaches the user, the department and the tag', async () => {
    await publishAndSettle('wecom_app_message', 'A-1003');
    expect(wecom.appMessages.at(-1)!.body).toMatchObject({ touser: 'zhangsan', toparty: '2', totag: '7' });
    expect(wecom.appMessages.at(-1)!.deliveredTo.sort()).toEqual(['lisi', 'wangwu', 'zhangsan']);
  });

  it('a token expired early is refreshed within the same attempt', async () => {
    feishu.expireTokens();
    dingtalk.expireTokens();
    const [feishuDelivery, dingtalkDelivery] = await Promise.all([
      publishAndSettle('feishu_app_message', 'B-1'),
      publishAndSettle('dingtalk_work_notice', 'B-2'),
    ]);
    expect([feishuDelivery.attempts.length, dingtalkDelivery.attempts.length]).toEqual([1, 1]);
    expect([feishu.tokenRequestCount, dingtalk.tokenRequestCount]).toEqual([2, 2]);
  });

  it('another replica on the same Redis uses the cached tokens instead of asking again', async () => {
    await herald.stop(false);
    herald = await TestApp.start(env, environment);
    await publishAndSettle('feishu_app_message', 'C-1');
    await publishAndSettle('dingtalk_work_notice', 'C-2');
    await publishAndSettle('wecom_app_message', 'C-3');
    expect([feishu.tokenRequestCount, dingtalk.tokenRequestCount, wecom.tokenRequestCount]).toEqual([2, 2, 1]);
  });
});
