import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { memoryCache, sendOnce } from '@herald/channel-sdk';
import { FakeWeCom } from './testing/index.js';
import { wecomAppMessage, wecomChannel } from './wecom.channel.js';

const app = {
  corpId: 'ww0123456789abcdef',
  agentId: 1000002,
  secret: 'app-secret-9a8b7c6d',
  users: ['zhangsan', 'lisi', 'wangwu', 'zhaoliu'],
  parties: { '2': ['lisi', 'wangwu'] },
  tags: { '7': ['zhaoliu', 'lisi'] },
};
const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo' } };

describe('application message to departments and tags', () => {
  const wecom = new FakeWeCom({ app });
  const send = (recipients: Record<string, unknown>) =>
    sendOnce(wecomChannel, {
      action: 'wecom_app_message',
      config: { corp_id: app.corpId, agent_id: app.agentId, secret: app.secret, api_base_url: wecom.url, ...recipients },
      event,
      cache: memoryCache(),
    });

  beforeAll(() => wecom.start());
  afterAll(() => wecom.stop());
  beforeEach(() => wecom.reset());

  it('sends toparty and totag beside touser, and WeCom reaches every member once', async () => {
    expect(await send({ to_users: 'zhangsan', to_parties: '2', to_tags: '7' })).toMatchObject({ status: 'delivered' });
    expect(wecom.appMessages[0]!.body).toMatchObject({ touser: 'zhangsan', toparty: '2', totag: '7' });
    expect(wecom.appMessages[0]!.deliveredTo.sort()).toEqual(['lisi', 'wangwu', 'zhangsan', 'zhaoliu']);
  });

  it('sends to a department alone, without a touser field', async () => {
    expect(await send({ to_parties: '2' })).toMatchObject({ status: 'delivered' });
    expect(wecom.appMessages[0]!.body).not.toHaveProperty('touser');
    expect(wecom.appMessages[0]!.deliveredTo).toEqual(['lisi', 'wangwu']);
  });

  it('delivers with a note naming unknown departments and tags', async () => {
    const outcome = await send({ to_parties: '2|99', to_tags: '8' });
    expect(outcome).toMatchObject({ status: 'delivered', note: 'WeCom did not deliver to some recipients: invalidparty 99; invalidtag 8' });
  });

  it('fails with 81013 when no department or tag is valid', async () => {
    const outcome = await send({ to_parties: '98', to_tags: '99' });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('errcode 81013') });
  });
});

describe('application recipients in the config', () => {
  const base = { corp_id: 'ww1', agent_id: 1000002, secret: 'secret-123' };
  it.each([
    [{}, 'to_users', 'to_users, to_parties or to_tags must say who receives the message'],
    [{ to_parties: 'sales' }, 'to_parties', 'to_parties must be department ids (digits) separated by |'],
    [{ to_tags: '1,2' }, 'to_tags', 'to_tags must be tag ids (digits) separated by | (not commas)'],
    [{ to_parties: '1,2' }, 'to_parties', 'to_parties must be department ids (digits) separated by | (not commas)'],
    [{ to_users: 'zhangsan,lisi' }, 'to_users', 'to_users must be user ids separated by | (not commas or spaces)'],
    [{ to_users: 'zhangsan;lisi' }, 'to_users', 'to_users must be user ids separated by | (not commas or spaces)'],
    [{ to_users: '@all', to_tags: '1' }, 'to_users', 'WeCom then ignores to_parties and to_tags'],
    [{ to_parties: Array.from({ length: 101 }, (_, n) => n + 1).join('|') }, 'to_parties', 'to_parties must list at most 100 ids'],
  ])('refuses %j with a message on %s', (recipients, field, message) => {
    const parsed = wecomAppMessage.parseConfig({ ...base, ...recipients });
    expect(parsed.ok ? [] : parsed.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringContaining(message) })]),
    );
  });

  it('lists to_parties and to_tags in the schema', () => {
    expect(Object.keys((wecomAppMessage.configSchema as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['to_users', 'to_parties', 'to_tags']),
    );
    expect((wecomAppMessage.configSchema as { required?: string[] }).required ?? []).not.toContain('to_users');
  });
});
