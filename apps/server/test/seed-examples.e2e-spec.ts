import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FakeDingTalk } from '@herald/channel-dingtalk/testing';
import { FakeDiscord } from '@herald/channel-discord/testing';
import { FakeFeishu } from '@herald/channel-feishu/testing';
import { FakeWebhookReceiver } from '@herald/channel-http/testing';
import { FakeJenkins } from '@herald/channel-jenkins/testing';
import { FakeSlack } from '@herald/channel-slack/testing';
import { FakeWeCom } from '@herald/channel-wecom/testing';
import { builtInEntry } from '../src/catalogs/catalogs.js';
import { eventually } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

/*
 * Every example configuration and payload of the five seed documents, each sent through the running
 * server to the fake of its platform, as one named case: the subscription as the seed writes it, an
 * event of the seed's kind, and what the platform gets. Where a seed's names are not Herald's, the
 * case says how they were translated (and which section of the seed it comes from):
 *
 * - Apipost 通知设置 › 配置参数表: 消息通知名称 → name, 触发事件 → event_types, Webhook URL →
 *   config.service_url, 秘钥secret → config.sign; 【启用】开关 → enabled.
 * - CODING 服务类型: the parameter names are Herald's own (service_url, token, msg_type, sign, …).
 * - Monitoring product 企业微信 › 属性: 别名 → name, Webhook URL → service_url; 企业微信账号: 企业ID →
 *   corp_id, AgentId → agent_id, Secret → secret, 账号 → to_users (| between accounts). 发送至 with
 *   both boxes ticked is two subscriptions.
 * - Feishu Project 新版webhook对应Body格式: the bodies are posted to POST /v1/ingest/feishu-project as
 *   the document shows them (fixtures/seed-examples/feishu-project-webhooks.json says what was
 *   cleaned: comments, `interface{}`, `int`); a receiver takes them back through the HTTP channel's
 *   `feishu_project` envelope.
 * - Weiyu Webhook › 推送类型配置 `{type, enabled, events}` → event_types `weiyu.<type>` and
 *   `weiyu.<type>.<event>`, enabled; 消息格式 bodies are posted to a generic ingest token
 *   (type_path event_type, type_prefix weiyu., data_path data, time_path timestamp); 使用示例:
 *   Webhook名称 → name, 推送URL → service_url, 推送类型 → event_types, 状态 → enabled.
 */

const SIGN = 'SECd9864f0807848984ccac3e6c2c21086139de2d40f20e064a3fc16346694c54f2';
const CODING_TEMPLATE = '测试模板 ${project.name}';

const feishuProjectWebhooks = JSON.parse(
  readFileSync(new URL('./fixtures/seed-examples/feishu-project-webhooks.json', import.meta.url), 'utf8'),
) as Array<{ event_type: string; body: { header: Record<string, string>; payload: unknown } }>;

/** Weiyu 消息格式, as the document shows them. */
const weiyuMessages = {
  leave_message: {
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
  },
  customer_info: {
    event_type: 'customer_info',
    timestamp: '2024-01-15T10:30:00Z',
    data: {
      customer_id: 'cust_123456',
      name: '李四',
      phone: '13900139000',
      email: 'lisi@example.com',
      company: '某某公司',
      position: '技术经理',
      source: '官网注册',
      created_time: '2024-01-15T10:30:00Z',
    },
  },
  system_alert: {
    event_type: 'system_alert',
    timestamp: '2024-01-15T10:30:00Z',
    data: {
      alert_id: 'alert_123456',
      level: 'warning',
      title: '系统性能警告',
      message: '服务器CPU使用率超过80%',
      details: { cpu_usage: '85%', memory_usage: '70%', server_id: 'server_001' },
      created_time: '2024-01-15T10:30:00Z',
    },
  },
} as const;
type WeiyuKind = keyof typeof weiyuMessages;

/** Weiyu 推送类型配置 `{type, enabled, events}` as Herald's event_types (see the header comment). */
const weiyuEventTypes = (config: { type: string; events: string[] }) => [
  `weiyu.${config.type}`,
  ...config.events.map((event) => `weiyu.${config.type}.${event}`),
];

const example = (type: string) => builtInEntry(type)!.example as Record<string, unknown>;

/** What a case sends: an event published with a key, a Feishu Project webhook, or Weiyu bodies through a generic token. */
type Send =
  | { publish: { type: string; data: unknown } }
  | { feishuProject: { header: Record<string, string>; payload: unknown } }
  | { weiyu: WeiyuKind[] }
  | { apipost: { type: string; data: unknown } };

interface SeedCase {
  subscription: () => Record<string, unknown>;
  send: Send;
  /** Checks what reached the fake; `project` is the case's project name (CODING's `${project.name}`). */
  arrived: (project: string) => void;
  /** How many messages the fake must have taken before the check runs. */
  count: () => number;
}

const receiver = new FakeWebhookReceiver();
const signedReceiver = new FakeWebhookReceiver({ token: '123' });
const dingtalk = new FakeDingTalk({ accessToken: 'coding0robot', secret: SIGN })
  .addRobot({ accessToken: 'apipost0robot', secret: 'SEC0apipost0robot0secret0000000000' })
  .addRobot({ accessToken: 'weiyu0robot', keywords: ['系统性能警告'] });
const feishu = new FakeFeishu({ token: 'coding-bot', secret: SIGN })
  .addBot({ token: 'apipost-signed', secret: 'apipost-feishu-secret' })
  .addBot({ token: 'apipost-plain' })
  .addBot({ token: 'weiyu-bot' });
const wecom = new FakeWeCom({
  robotKeys: ['coding-key', 'apipost-key', 'monitor-key', 'weiyu-key'],
  app: { corpId: 'ww0monitor0corp', agentId: 1000002, secret: 'monitor-app-secret', users: ['zhangsan', 'lisi'] },
});
const jenkins = new FakeJenkins({ jobs: { admin: ['deploy'] } });
const slack = new FakeSlack();
const discord = new FakeDiscord();
const fakes = [receiver, signedReceiver, dingtalk, feishu, wecom, jenkins, slack, discord];
let slackWebhook = '';

const markdownOf = (index: number) => (wecom.robotMessages[index]!.body.markdown as { content: string }).content;

const cases: Array<[string, SeedCase]> = [
  // ── Apipost 通知设置 ──
  [
    'Apipost › 飞书: Webhook URL and 秘钥secret',
    {
      subscription: () => ({
        name: '接口变更通知',
        channel: 'feishu',
        action: 'feishu_group_chat_robot',
        event_types: ['apipost.api.created', 'apipost.api.updated'],
        config: { service_url: feishu.webhookUrl('apipost-signed'), sign: 'apipost-feishu-secret' },
        enabled: true,
      }),
      send: { apipost: { type: 'apipost.api.created', data: example('apipost.api.created') } },
      count: () => feishu.messages.length,
      arrived: () => {
        expect(feishu.messages[0]).toMatchObject({ token: 'apipost-signed', msgType: 'interactive' });
        expect(JSON.stringify(feishu.messages[0]!.body)).toContain('创建订单');
      },
    },
  ],
  [
    'Apipost › 飞书: Webhook URL only (秘钥secret is optional)',
    {
      subscription: () => ({
        name: '接口变更通知',
        channel: 'feishu',
        action: 'feishu_group_chat_robot',
        event_types: ['apipost.test.failed'],
        config: { service_url: feishu.webhookUrl('apipost-plain') },
        enabled: true,
      }),
      send: { apipost: { type: 'apipost.test.failed', data: example('apipost.test.failed') } },
      count: () => feishu.messages.length,
      arrived: () => {
        expect(feishu.messages[0]).toMatchObject({ token: 'apipost-plain' });
        expect(JSON.stringify(feishu.messages[0]!.body)).toContain('下单流程回归');
      },
    },
  ],
  [
    'Apipost › 企业微信: Webhook URL',
    {
      subscription: () => ({
        name: '成员变动',
        channel: 'wecom',
        action: 'wecom_group_chat_robot',
        event_types: ['apipost.member.joined'],
        config: { service_url: wecom.robotUrl('apipost-key') },
        enabled: true,
      }),
      send: { apipost: { type: 'apipost.member.joined', data: example('apipost.member.joined') } },
      count: () => wecom.robotMessages.length,
      arrived: () => {
        expect(wecom.robotMessages[0]).toMatchObject({ key: 'apipost-key', body: { msgtype: 'markdown' } });
        expect(markdownOf(0)).toContain('李四');
      },
    },
  ],
  [
    'Apipost › 钉钉: Webhook URL and the 加签 secret (required)',
    {
      subscription: () => ({
        name: '自动化测试结果',
        channel: 'dingtalk',
        action: 'dingding_group_chat_robot',
        event_types: ['apipost.test.finished'],
        config: { service_url: dingtalk.webhookUrl('apipost0robot'), sign: 'SEC0apipost0robot0secret0000000000' },
        enabled: true,
      }),
      send: { apipost: { type: 'apipost.test.finished', data: example('apipost.test.finished') } },
      count: () => dingtalk.messages.length,
      arrived: () => {
        expect(dingtalk.messages[0]).toMatchObject({ accessToken: 'apipost0robot', msgtype: 'markdown' });
        expect(JSON.stringify(dingtalk.messages[0]!.body)).toContain('下单流程回归');
      },
    },
  ],

  // ── CODING 服务类型 (请求消息体示例, as written; service_url points at the fake) ──
  [
    'CODING › Webhook › webhook_http_post: token, username, password, headers, template',
    {
      subscription: () => ({
        name: 'CODING webhook_http_post',
        channel: 'http',
        action: 'webhook_http_post',
        event_types: ['coding.GIT_PUSHED'],
        config: {
          service_url: `${signedReceiver.url}/post`,
          token: '123',
          username: 'admin',
          password: 'admin123',
          headers: 'Accept: text/html',
          template: CODING_TEMPLATE,
        },
      }),
      send: { publish: { type: 'coding.GIT_PUSHED', data: example('coding.GIT_PUSHED') } },
      count: () => signedReceiver.requests.length,
      arrived: (project) => {
        // The fake answered 200 only because X-Herald-Signature is sha1=HMAC-SHA1("123", body).
        const [request] = signedReceiver.requests;
        expect(request!.method).toBe('POST');
        expect(request!.body).toBe(`测试模板 ${project}`);
        expect(request!.headers['x-herald-signature']).toBe(`sha1=${createHmac('sha1', '123').update(request!.body).digest('hex')}`);
        expect(request!.headers.authorization).toBe(`Basic ${Buffer.from('admin:admin123').toString('base64')}`);
        expect(request!.headers.accept).toBe('text/html');
        expect(request!.headers['x-herald-event']).toBe('coding.GIT_PUSHED');
      },
    },
  ],
  [
    'CODING › Webhook › webhook_http_get: username, password, headers',
    {
      subscription: () => ({
        name: 'CODING webhook_http_get',
        channel: 'http',
        action: 'webhook_http_get',
        event_types: ['coding.ISSUE_CREATED'],
        // The seed's JSON ends in a trailing comma after "headers"; the fields are taken as they are.
        config: { service_url: `${receiver.url}/post`, username: 'admin', password: 'admin123', headers: 'Accept: text/html' },
      }),
      send: { publish: { type: 'coding.ISSUE_CREATED', data: example('coding.ISSUE_CREATED') } },
      count: () => receiver.requests.length,
      arrived: () => {
        const [request] = receiver.requests;
        expect(request!.method).toBe('GET');
        expect(request!.headers.authorization).toBe(`Basic ${Buffer.from('admin:admin123').toString('base64')}`);
        expect(request!.headers.accept).toBe('text/html');
        const query = new URL(request!.url, receiver.url).searchParams;
        expect(query.get('event_type')).toBe('coding.ISSUE_CREATED');
        expect(JSON.parse(query.get('event_data')!)).toEqual(example('coding.ISSUE_CREATED'));
      },
    },
  ],
  [
    'CODING › 企业微信 › wecom_group_chat_robot: markdown, mentioned, mentioned_mobile, template',
    {
      subscription: () => ({
        name: 'CODING wecom_group_chat_robot',
        channel: 'wecom',
        action: 'wecom_group_chat_robot',
        event_types: ['coding.GIT_MR_CREATED'],
        config: {
          service_url: wecom.robotUrl('coding-key'),
          msg_type: 'markdown',
          mentioned: 'ZhangSan',
          mentioned_mobile: '18000000000',
          template: CODING_TEMPLATE,
        },
      }),
      send: { publish: { type: 'coding.GIT_MR_CREATED', data: example('coding.GIT_MR_CREATED') } },
      count: () => (wecom.robotMessages.length === 2 ? 2 : 0),
      arrived: (project) => {
        // Markdown reaches ZhangSan through <@ZhangSan>; a mobile only through a text message's mentioned_mobile_list.
        expect(wecom.robotMessages.map((message) => message.body)).toEqual([
          { msgtype: 'markdown', markdown: { content: `测试模板 ${project}\n<@ZhangSan>` } },
          { msgtype: 'text', text: { content: 'coding.GIT_MR_CREATED', mentioned_mobile_list: ['18000000000'] } },
        ]);
      },
    },
  ],
  [
    'CODING › 钉钉 › dingding_group_chat_robot: markdown, sign, at_user_ids, at_mobiles, template',
    {
      subscription: () => ({
        name: 'CODING dingding_group_chat_robot',
        channel: 'dingtalk',
        action: 'dingding_group_chat_robot',
        event_types: ['coding.CI_JOB_FINISHED'],
        config: {
          service_url: dingtalk.webhookUrl('coding0robot'),
          msg_type: 'markdown',
          sign: SIGN,
          at_user_ids: 'ZhangSan',
          at_mobiles: '18000000000',
          template: CODING_TEMPLATE,
        },
      }),
      send: { publish: { type: 'coding.CI_JOB_FINISHED', data: example('coding.CI_JOB_FINISHED') } },
      count: () => dingtalk.messages.length,
      arrived: (project) => {
        // The fake checked timestamp and sign against the SEC… secret; mentions shown in the text reach people.
        const [message] = dingtalk.messages;
        expect(message).toMatchObject({ accessToken: 'coding0robot', msgtype: 'markdown', hiddenMentions: [] });
        expect(message!.body).toMatchObject({ at: { atUserIds: ['ZhangSan'], atMobiles: ['18000000000'] } });
        expect((message!.body.markdown as { text: string }).text).toContain(`测试模板 ${project}`);
      },
    },
  ],
  [
    'CODING › 飞书 › feishu_group_chat_robot: text, sign, template',
    {
      subscription: () => ({
        name: 'CODING feishu_group_chat_robot',
        channel: 'feishu',
        action: 'feishu_group_chat_robot',
        event_types: ['coding.WIKI_UPDATED'],
        config: { service_url: feishu.webhookUrl('coding-bot'), msg_type: 'text', sign: SIGN, template: CODING_TEMPLATE },
      }),
      send: { publish: { type: 'coding.WIKI_UPDATED', data: example('coding.WIKI_UPDATED') } },
      count: () => feishu.messages.length,
      arrived: (project) => {
        // The fake checked timestamp and sign against the secret.
        expect(feishu.messages[0]).toMatchObject({
          token: 'coding-bot',
          msgType: 'text',
          body: { msg_type: 'text', content: { text: `测试模板 ${project}` }, timestamp: expect.any(String), sign: expect.any(String) },
        });
      },
    },
  ],
  [
    'CODING › Jenkins › jenkins_generic_build_job: build_token, build_args, request_parameters with a trailing space, header_parameters, template',
    {
      subscription: () => ({
        name: 'CODING jenkins_generic_build_job',
        channel: 'jenkins',
        action: 'jenkins_generic_build_job',
        // Jenkins supports one event in the seed: 代码推送.
        event_types: ['coding.GIT_PUSHED'],
        config: {
          service_url: jenkins.invokeUrl,
          build_token: 'admin',
          build_args: '{"arg":"value"}',
          request_parameters: 'project=example&job=1 ',
          header_parameters: 'Accept: text/html',
          template: CODING_TEMPLATE,
        },
      }),
      send: { publish: { type: 'coding.GIT_PUSHED', data: example('coding.GIT_PUSHED') } },
      count: () => jenkins.builds.length,
      arrived: (project) => {
        const [build] = jenkins.builds;
        expect(build).toMatchObject({ job: 'deploy', tokenSource: 'bearer', query: { project: ['example'], job: ['1'] } });
        expect(build!.headers.accept).toBe('text/html');
        expect(build!.body).toMatchObject({ type: 'coding.GIT_PUSHED', message: `测试模板 ${project}`, arg: 'value' });
      },
    },
  ],

  // ── CODING 配置参数说明: the other values its tables name (@all, each msg_type) ──
  [
    'CODING › 企业微信 › mentioned "@all" (标识提醒所有人) in markdown',
    {
      subscription: () => ({
        name: 'CODING @all',
        channel: 'wecom',
        action: 'wecom_group_chat_robot',
        event_types: ['coding.GIT_MR_MERGED'],
        config: { service_url: wecom.robotUrl('coding-key'), msg_type: 'markdown', mentioned: '@all', template: CODING_TEMPLATE },
      }),
      send: { publish: { type: 'coding.GIT_MR_MERGED', data: example('coding.GIT_MR_MERGED') } },
      count: () => (wecom.robotMessages.length === 2 ? 2 : 0),
      arrived: (project) => {
        expect(wecom.robotMessages.map((message) => message.body)).toEqual([
          { msgtype: 'markdown', markdown: { content: `测试模板 ${project}` } },
          { msgtype: 'text', text: { content: 'coding.GIT_MR_MERGED', mentioned_list: ['@all'] } },
        ]);
      },
    },
  ],
  [
    'CODING › 企业微信 › msg_type text with mentioned "ZhangSan, LiSi" (多个用, 分隔) and mentioned_mobile',
    {
      subscription: () => ({
        name: 'CODING text',
        channel: 'wecom',
        action: 'wecom_group_chat_robot',
        event_types: ['coding.GIT_MR_CLOSED'],
        config: {
          service_url: wecom.robotUrl('coding-key'),
          msg_type: 'text',
          mentioned: 'ZhangSan, LiSi',
          mentioned_mobile: '18000000000',
          template: CODING_TEMPLATE,
        },
      }),
      send: { publish: { type: 'coding.GIT_MR_CLOSED', data: example('coding.GIT_MR_CLOSED') } },
      count: () => wecom.robotMessages.length,
      arrived: (project) => {
        expect(wecom.robotMessages.map((message) => message.body)).toEqual([
          {
            msgtype: 'text',
            text: { content: `测试模板 ${project}`, mentioned_list: ['ZhangSan', 'LiSi'], mentioned_mobile_list: ['18000000000'] },
          },
        ]);
      },
    },
  ],
  [
    'CODING › 企业微信 › msg_type customize: the template is the body',
    {
      subscription: () => ({
        name: 'CODING customize',
        channel: 'wecom',
        action: 'wecom_group_chat_robot',
        event_types: ['coding.ISSUE_UPDATED'],
        config: {
          service_url: wecom.robotUrl('coding-key'),
          msg_type: 'customize',
          template: '{"msgtype":"text","text":{"content":"测试模板 ${project.name}","mentioned_list":["ZhangSan"]}}',
        },
      }),
      send: { publish: { type: 'coding.ISSUE_UPDATED', data: example('coding.ISSUE_UPDATED') } },
      count: () => wecom.robotMessages.length,
      arrived: (project) => {
        expect(wecom.robotMessages[0]!.body).toEqual({
          msgtype: 'text',
          text: { content: `测试模板 ${project}`, mentioned_list: ['ZhangSan'] },
        });
      },
    },
  ],
  [
    'CODING › 钉钉 › at_user_ids "@all" in text',
    {
      subscription: () => ({
        name: 'CODING dingtalk @all',
        channel: 'dingtalk',
        action: 'dingding_group_chat_robot',
        event_types: ['coding.CI_JOB_STARTED'],
        config: {
          service_url: dingtalk.webhookUrl('coding0robot'),
          msg_type: 'text',
          sign: SIGN,
          at_user_ids: '@all',
          template: CODING_TEMPLATE,
        },
      }),
      send: { publish: { type: 'coding.CI_JOB_STARTED', data: example('coding.CI_JOB_STARTED') } },
      count: () => dingtalk.messages.length,
      arrived: (project) => {
        const [message] = dingtalk.messages;
        expect(message).toMatchObject({ msgtype: 'text', hiddenMentions: [], body: { at: { isAtAll: true } } });
        expect((message!.body.text as { content: string }).content).toContain(`测试模板 ${project}`);
      },
    },
  ],
  [
    'CODING › 钉钉 › msg_type customize: the template is the body, still signed',
    {
      subscription: () => ({
        name: 'CODING dingtalk customize',
        channel: 'dingtalk',
        action: 'dingding_group_chat_robot',
        event_types: ['coding.MEMBER_CREATED'],
        config: {
          service_url: dingtalk.webhookUrl('coding0robot'),
          msg_type: 'customize',
          sign: SIGN,
          template: '{"msgtype":"text","text":{"content":"测试模板 ${project.name}"}}',
        },
      }),
      send: { publish: { type: 'coding.MEMBER_CREATED', data: example('coding.MEMBER_CREATED') } },
      count: () => dingtalk.messages.length,
      arrived: (project) => {
        expect(dingtalk.messages[0]!.body).toMatchObject({ msgtype: 'text', text: { content: `测试模板 ${project}` } });
      },
    },
  ],
  [
    'CODING › 飞书 › msg_type customize (遵循飞书规范): the template is the body, still signed',
    {
      subscription: () => ({
        name: 'CODING feishu customize',
        channel: 'feishu',
        action: 'feishu_group_chat_robot',
        event_types: ['coding.FILE_CREATED'],
        config: {
          service_url: feishu.webhookUrl('coding-bot'),
          msg_type: 'customize',
          sign: SIGN,
          template: '{"msg_type":"text","content":{"text":"测试模板 ${project.name}"}}',
        },
      }),
      send: { publish: { type: 'coding.FILE_CREATED', data: example('coding.FILE_CREATED') } },
      count: () => feishu.messages.length,
      arrived: (project) => {
        expect(feishu.messages[0]!.body).toMatchObject({
          msg_type: 'text',
          content: { text: `测试模板 ${project}` },
          sign: expect.any(String),
        });
      },
    },
  ],

  // ── Monitoring product 企业微信 通知服务 ──
  [
    '监控 › 企业微信 › 发送至 企业微信机器人: 别名 and Webhook URL',
    {
      subscription: () => ({
        name: '运维告警群机器人',
        channel: 'wecom',
        action: 'wecom_group_chat_robot',
        event_types: ['alertmanager.firing'],
        config: { service_url: wecom.robotUrl('monitor-key') },
      }),
      send: { publish: { type: 'alertmanager.firing', data: example('alertmanager.firing') } },
      count: () => wecom.robotMessages.length,
      arrived: () => {
        expect(wecom.robotMessages[0]).toMatchObject({ key: 'monitor-key', body: { msgtype: 'markdown' } });
        expect(markdownOf(0)).toContain('alertmanager.firing');
      },
    },
  ],
  [
    '监控 › 企业微信 › 发送至 企业微信账号: 企业ID, AgentId, Secret, 账号',
    {
      subscription: () => ({
        name: '值班同学',
        channel: 'wecom',
        action: 'wecom_app_message',
        event_types: ['alertmanager.firing'],
        config: {
          corp_id: 'ww0monitor0corp',
          agent_id: 1000002,
          secret: 'monitor-app-secret',
          to_users: 'zhangsan|lisi',
          api_base_url: wecom.url,
        },
      }),
      send: { publish: { type: 'alertmanager.firing', data: example('alertmanager.firing') } },
      count: () => wecom.appMessages.length,
      arrived: () => {
        expect(wecom.appMessages[0]).toMatchObject({
          deliveredTo: ['zhangsan', 'lisi'],
          body: { agentid: 1000002, touser: 'zhangsan|lisi' },
        });
      },
    },
  ],

  // ── Weiyu Webhook ──
  ...(
    [
      ['leave_message', { type: 'leave_message', enabled: true, events: ['new_message', 'message_replied'] }],
      ['customer_info', { type: 'customer_info', enabled: true, events: ['new_customer', 'info_updated'] }],
      ['system_alert', { type: 'system_alert', enabled: true, events: ['error', 'warning', 'info'] }],
    ] as const
  ).map(([kind, pushType]): [string, SeedCase] => [
    `微语 › 推送类型配置 ${kind} and 消息格式 ${kind}: the body back to a receiver written for Weiyu`,
    {
      subscription: () => ({
        name: `微语 ${kind}`,
        channel: 'http',
        action: 'webhook_http_post',
        event_types: weiyuEventTypes({ type: pushType.type, events: [...pushType.events] }),
        enabled: pushType.enabled,
        config: { service_url: `${receiver.url}/weiyu`, envelope: 'weiyu' },
      }),
      send: { weiyu: [kind] },
      count: () => receiver.requests.length,
      arrived: () => {
        const body = JSON.parse(receiver.requests[0]!.body);
        const { timestamp, ...rest } = weiyuMessages[kind];
        expect(body).toEqual({ ...rest, timestamp: expect.any(String) });
        expect(Date.parse(body.timestamp)).toBe(Date.parse(timestamp));
      },
    },
  ]),
  [
    '微语 › 使用示例 › 企业微信群机器人: 留言消息、客户留资、系统报警',
    {
      subscription: () => ({
        name: '企业微信客服群',
        channel: 'wecom',
        action: 'wecom_group_chat_robot',
        event_types: ['weiyu.leave_message', 'weiyu.customer_info', 'weiyu.system_alert'],
        config: { service_url: wecom.robotUrl('weiyu-key') },
        enabled: true,
      }),
      send: { weiyu: ['leave_message', 'customer_info', 'system_alert'] },
      count: () => (wecom.robotMessages.length === 3 ? 3 : 0),
      arrived: () => {
        const contents = wecom.robotMessages.map((_message, index) => markdownOf(index)).join('\n');
        for (const text of ['我想咨询一下产品价格', '某某公司', '服务器CPU使用率超过80%']) expect(contents).toContain(text);
      },
    },
  ],
  [
    '微语 › 使用示例 › 飞书群机器人: 留言消息、工单状态变更',
    {
      subscription: () => ({
        name: '飞书客服通知',
        channel: 'feishu',
        action: 'feishu_group_chat_robot',
        event_types: ['weiyu.leave_message', 'weiyu.ticket_status'],
        config: { service_url: feishu.webhookUrl('weiyu-bot') },
        enabled: true,
      }),
      send: { weiyu: ['leave_message'] },
      count: () => feishu.messages.length,
      arrived: () => {
        expect(feishu.messages[0]).toMatchObject({ token: 'weiyu-bot' });
        expect(JSON.stringify(feishu.messages[0]!.body)).toContain('我想咨询一下产品价格');
      },
    },
  ],
  [
    '微语 › 使用示例 › 钉钉群机器人 with a keyword (安全设置 关键词): 系统报警、工单状态变更',
    {
      subscription: () => ({
        name: '钉钉运维群',
        channel: 'dingtalk',
        action: 'dingding_group_chat_robot',
        event_types: ['weiyu.system_alert', 'weiyu.ticket_status'],
        config: { service_url: dingtalk.webhookUrl('weiyu0robot') },
        enabled: true,
      }),
      send: { weiyu: ['system_alert'] },
      count: () => dingtalk.messages.length,
      arrived: () => {
        // The fake refuses a message without the robot's keyword (310000), so arriving proves it is there.
        expect(dingtalk.messages[0]).toMatchObject({ accessToken: 'weiyu0robot' });
      },
    },
  ],
  [
    '微语 › 支持的推送平台 › Slack Webhook: 留言消息',
    {
      subscription: () => ({
        name: 'Slack 客服',
        channel: 'slack',
        action: 'slack_incoming_webhook',
        event_types: ['weiyu.leave_message'],
        config: { service_url: slackWebhook },
      }),
      send: { weiyu: ['leave_message'] },
      count: () => slack.messages.length,
      arrived: () => {
        expect(JSON.stringify(slack.messages[0]!.body)).toContain('我想咨询一下产品价格');
      },
    },
  ],
  [
    '微语 › 支持的推送平台 › Discord Webhook: 客户留资',
    {
      subscription: () => ({
        name: 'Discord 销售线索',
        channel: 'discord',
        action: 'discord_webhook',
        event_types: ['weiyu.customer_info'],
        config: { service_url: discord.webhookUrl },
      }),
      send: { weiyu: ['customer_info'] },
      count: () => discord.messages.length,
      arrived: () => {
        expect(JSON.stringify(discord.messages[0]!.body)).toContain('某某公司');
      },
    },
  ],

  // ── Feishu Project 新版webhook对应Body格式: every body, in and back out ──
  ...feishuProjectWebhooks.map(({ event_type, body }): [string, SeedCase] => [
    `飞书项目 › ${event_type}: ingested as written, delivered in Feishu Project's envelope`,
    {
      subscription: () => ({
        name: `飞书项目 ${event_type}`,
        channel: 'http',
        action: 'webhook_http_post',
        event_types: [`feishu_project.${event_type}`],
        preset: 'feishu_project',
        config: { service_url: `${receiver.url}/feishu-project`, token: 'receiver-token', envelope: 'feishu_project' },
      }),
      send: { feishuProject: body },
      count: () => receiver.requests.length,
      arrived: () => {
        const delivered = JSON.parse(receiver.requests[0]!.body);
        expect(delivered.header).toMatchObject({ event_type, token: 'receiver-token', operator: body.header.operator });
        expect(delivered.payload).toEqual(body.payload);
      },
    },
  ]),
];

describe('the seeds’ example configurations and payloads, through the server to the platforms’ fakes', () => {
  let herald: TestApp;

  beforeAll(async () => {
    await Promise.all(fakes.map((fake) => fake.start()));
    slackWebhook = slack.createWebhook();
    herald = await TestApp.start();
  });
  afterAll(async () => {
    await herald?.stop();
    await Promise.all(fakes.map((fake) => fake.stop()));
  });
  beforeEach(() => {
    for (const fake of fakes) fake.reset();
  });

  /** Sends what the case sends, in a project of its own, and returns the ids of the events it made. */
  async function send(send: Send, project: Awaited<ReturnType<TestApp['createProject']>>): Promise<string[]> {
    if ('publish' in send) {
      const published = await herald.request('POST', '/v1/events', project.publisher, send.publish);
      expect(published.status).toBe(202);
      return [published.body.id];
    }
    if ('feishuProject' in send) {
      const ingested = await herald.request('POST', '/v1/ingest/feishu-project', project.publisher, send.feishuProject);
      expect([ingested.status, ingested.body.type]).toEqual([200, `feishu_project.${send.feishuProject.header.event_type}`]);
      return [ingested.body.id];
    }
    const settings =
      'weiyu' in send
        ? { name: '微语', type_path: 'event_type', type_prefix: 'weiyu.', data_path: 'data', time_path: 'timestamp' }
        : { name: 'Apipost', type: send.apipost.type, source: 'apipost' };
    const token = await herald.request('POST', '/v1/ingest-tokens', project.admin, { adapter: 'generic', ...settings });
    expect(token.status).toBe(201);
    const bodies = 'weiyu' in send ? send.weiyu.map((kind) => weiyuMessages[kind]) : [send.apipost.data];
    const ids: string[] = [];
    for (const body of bodies) {
      const ingested = await herald.request('POST', new URL(token.body.url).pathname, undefined, body);
      expect(ingested.status).toBe(200);
      ids.push(ingested.body.id);
    }
    return ids;
  }

  it.each(cases)('%s', async (_name, seedCase) => {
    const key = `seed${Math.random().toString(36).slice(2, 10)}`;
    const project = await herald.createProject(key);
    const subscription = await herald.request('POST', '/v1/subscriptions', project.admin, seedCase.subscription());
    expect([subscription.status, subscription.body.message]).toEqual([201, undefined]);
    const eventIds = await send(seedCase.send, project);
    for (const eventId of eventIds) {
      const deliveries = await herald.deliveriesOfEvent(project.admin, eventId);
      expect(deliveries).toHaveLength(1);
      await herald.waitForDelivery(project.admin, deliveries[0].id, 'succeeded');
    }
    await eventually(() => (seedCase.count() > 0 ? true : undefined));
    seedCase.arrived(`Project ${key}`);
  });

  it('微语 › 使用示例 › 测试推送: the test button sends a message to the WeCom group now', async () => {
    const project = await herald.createProject();
    const subscription = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: '企业微信客服群',
      channel: 'wecom',
      action: 'wecom_group_chat_robot',
      event_types: ['weiyu.leave_message', 'weiyu.customer_info', 'weiyu.system_alert'],
      config: { service_url: wecom.robotUrl('weiyu-key') },
      enabled: true,
    });
    const tested = await herald.request('POST', `/v1/subscriptions/${subscription.body.id}/test`, project.admin);
    expect([tested.status, tested.body.outcome]).toEqual([200, 'delivered']);
    expect(wecom.robotMessages).toEqual([{ key: 'weiyu-key', body: { msgtype: 'markdown', markdown: { content: expect.any(String) } } }]);
  });

  it('CODING › webhook_http_get: its example as written ends in a trailing comma, which is not JSON; the answer says where', async () => {
    const project = await herald.createProject();
    const asWritten = `{"name":"CODING webhook_http_get","channel":"http","action":"webhook_http_get","event_types":["coding.GIT_PUSHED"],"config":{
"service_url": "https://example.com/post",
"username": "admin",
"password": "admin123",
"headers": "Accept: text/html",
}}`;
    const refused = await herald.request('POST', '/v1/subscriptions', project.admin, undefined, asWritten);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^the body is not valid JSON: .*position \d+/);
  });
});
