import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMessageContext, fetchTransport, memoryCache, runAction, sendOnce, type SharedCache } from '@herald/channel-sdk';
import { dingtalkChannel } from './dingtalk.channel.js';
import { dingtalkWorkNotice } from './dingtalk.work-notice.js';
import { dingtalkAppAnswers, FakeDingTalkApp } from './testing/index.js';

const event = { id: 'evt_1', type: 'build.failed', source: 'ci', time: '2024-01-15T10:30:00Z', data: { project: 'demo', build: 42 } };

describe('dingtalk_work_notice against the fake DingTalk server API', () => {
  const dingtalk = new FakeDingTalkApp({ users: ['manager4220', 'zhangsan'], departments: { '1001': ['lisi', 'wangwu'] } });
  let cache: SharedCache;
  const config = (overrides: Record<string, unknown> = {}) => ({
    app_key: dingtalk.appKey,
    app_secret: dingtalk.appSecret,
    agent_id: dingtalk.agentId,
    userid_list: 'manager4220',
    api_base_url: dingtalk.url,
    ...overrides,
  });
  const send = (overrides: Record<string, unknown> = {}, input: Partial<Omit<typeof event, 'data'>> & { data?: object } = {}) => {
    const parsed = dingtalkWorkNotice.parseConfig(config(overrides));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return runAction(dingtalkWorkNotice, {
      config: parsed.config,
      message: createMessageContext({ ...event, ...input }),
      delivery: { id: 'dlv_1', attempt: 1 },
      transport: fetchTransport(),
      timeoutMs: 2_000,
      cache,
      now: Date.now,
    });
  };

  beforeAll(() => dingtalk.start());
  afterAll(() => dingtalk.stop());
  beforeEach(() => {
    dingtalk.reset();
    cache = memoryCache();
  });

  it('gets an access_token, sends a markdown notice, and keeps the token for the next one', async () => {
    expect(await send()).toMatchObject({ status: 'delivered', note: 'DingTalk accepted the notice as task 256271667526' });
    expect(await send({ msg_type: 'text', template: 'build ${data.build} failed' }, { id: 'evt_2' })).toMatchObject({
      status: 'delivered',
    });
    expect(dingtalk.tokenRequestCount).toBe(1);
    expect(dingtalk.notices.map((notice) => notice.body)).toEqual([
      {
        agent_id: dingtalk.agentId,
        userid_list: 'manager4220',
        msg: {
          msgtype: 'markdown',
          markdown: {
            title: 'build.failed',
            text: '### build.failed\n\n- **project**: demo\n- **build**: 42\n\n> 2024-01-15 10:30:00 UTC · ci · evt_1',
          },
        },
      },
      { agent_id: dingtalk.agentId, userid_list: 'manager4220', msg: { msgtype: 'text', text: { content: 'build 42 failed' } } },
    ]);
  });

  it('reaches users and departments together, or everyone', async () => {
    await send({ userid_list: 'zhangsan', dept_id_list: '1001' });
    await send({ userid_list: undefined, to_all_user: true }, { id: 'evt_2' });
    expect(dingtalk.notices.map((notice) => notice.deliveredTo)).toEqual([
      ['zhangsan', 'lisi', 'wangwu'],
      ['manager4220', 'zhangsan', 'lisi', 'wangwu'],
    ]);
    expect(dingtalk.notices[1]!.body).toMatchObject({ to_all_user: true });
    expect(dingtalk.notices[1]!.body).not.toHaveProperty('userid_list');
  });

  it('gives each event its own content by default, so DingTalk does not drop the second one as a repeat', async () => {
    await send();
    await send({}, { id: 'evt_2' });
    expect(dingtalk.notices.map((notice) => notice.deliveredTo)).toEqual([['manager4220'], ['manager4220']]);
  });

  it('a fixed template repeated within a day is accepted but dropped for that person, as DingTalk does', async () => {
    await send({ template: 'the build failed' });
    expect(await send({ template: 'the build failed' }, { id: 'evt_2' })).toMatchObject({ status: 'delivered' });
    expect(dingtalk.notices[1]).toMatchObject({ deliveredTo: [], forbiddenUsers: ['manager4220'] });
  });

  it('cuts a text over 5000 characters, so DingTalk takes it', async () => {
    const data = { project: '构建失败'.repeat(2_000) };
    expect(await send({ msg_type: 'text', template: 'project ${data.project}' }, { data })).toMatchObject({ status: 'delivered' });
    const content = (dingtalk.notices[0]!.msg.text as { content: string }).content;
    expect(content).toHaveLength(5_000);
    expect(content.endsWith('…[truncated]')).toBe(true);
  });

  it('when the token expired early (42001), fetches a fresh one and sends again at once', async () => {
    await send();
    dingtalk.expireTokens();
    expect(await send({}, { id: 'evt_2' })).toMatchObject({ status: 'delivered' });
    expect(dingtalk.requests.map((request) => request.url.split('?')[0])).toEqual([
      '/gettoken',
      '/topapi/message/corpconversation/asyncsend_v2',
      '/topapi/message/corpconversation/asyncsend_v2',
      '/gettoken',
      '/topapi/message/corpconversation/asyncsend_v2',
    ]);
    expect(dingtalk.notices).toHaveLength(2);
  });

  it("reads the gateway's errcode 88 by its sub_code: 40014 refreshes the token once", async () => {
    dingtalk.failNext('asyncsend', dingtalkAppAnswers.tokenInvalidGateway, 2);
    expect(await send()).toMatchObject({ status: 'retry', reason: expect.stringContaining('errcode 88, sub_code 40014') });
    expect(dingtalk.tokenRequestCount).toBe(2);
  });

  it.each([
    [
      'a wrong app_secret',
      { app_secret: 'wrong-secret-12345678' },
      'the access token request: errcode 40096 (app_key or app_secret is wrong)',
    ],
    ['a wrong agent_id', { agent_id: 123 }, 'errcode 400002 (agent_id is wrong)'],
  ])('fails for good on %s', async (_name, overrides, reason) => {
    const outcome = await send(overrides);
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining(reason) });
    expect(JSON.stringify(outcome)).not.toMatch(/wrong-secret-12345678|fake-dingtalk-app-secret/);
  });

  it.each([
    ['143103 app quota', dingtalkAppAnswers.appQpmExceeded, { status: 'retry', retryAfterMs: 60_000 }],
    ['143104 organisation quota', dingtalkAppAnswers.corpQpmExceeded, { status: 'retry', retryAfterMs: 60_000 }],
    ['-1 busy', dingtalkAppAnswers.systemBusy, { status: 'retry' }],
    [
      '88/60011 no permission',
      dingtalkAppAnswers.noPermission,
      { status: 'failed', reason: expect.stringContaining('may not call this API') },
    ],
    ['HTTP 502', { status: 502, body: '<html>bad gateway</html>' }, { status: 'retry' }],
  ] as const)('classifies %s', async (_name, answer, expected) => {
    dingtalk.failNext('asyncsend', answer);
    expect(await send()).toMatchObject(expected);
  });

  it('throttles at its per-minute quota with 143103', async () => {
    const limited = await new FakeDingTalkApp({ maxPerMinute: 1 }).start();
    try {
      const base = { api_base_url: limited.url, app_key: limited.appKey, app_secret: limited.appSecret, agent_id: limited.agentId };
      expect(await send(base)).toMatchObject({ status: 'delivered' });
      expect(await send(base, { id: 'evt_2' })).toMatchObject({ status: 'retry', reason: expect.stringContaining('143103') });
    } finally {
      await limited.stop();
    }
  });

  it('keeps the access_token out of the stored outcome', async () => {
    await send();
    const token = [...dingtalk.tokens].find(([, expiresAt]) => expiresAt > Date.now())![0];
    dingtalk.failNext('asyncsend', { errcode: 40035, errmsg: `缺少参数 near access_token=${token}` });
    const outcome = await send({}, { id: 'evt_2' });
    expect(outcome.status).toBe('failed');
    expect(JSON.stringify(outcome)).not.toContain(token);
    expect(outcome.request?.url).toMatch(/\/asyncsend_v2\?access_token=\*\*\*$/);
  });

  it('works standalone with sendOnce, as the README shows', async () => {
    const outcome = await sendOnce(dingtalkChannel, { config: config({ userid_list: 'zhangsan' }), event: { type: 'deploy.finished' } });
    expect(outcome).toMatchObject({ status: 'delivered' });
    expect(dingtalk.notices[0]!.deliveredTo).toEqual(['zhangsan']);
  });
});

describe('the fake DingTalk server API refuses what DingTalk refuses', () => {
  const dingtalk = new FakeDingTalkApp({ users: ['manager4220'] });
  beforeAll(() => dingtalk.start());
  afterAll(() => dingtalk.stop());

  async function post(body: Record<string, unknown>) {
    const token = await fetch(`${dingtalk.url}/gettoken?appkey=${dingtalk.appKey}&appsecret=${dingtalk.appSecret}`).then((response) =>
      response.json(),
    );
    const url = `${dingtalk.url}/topapi/message/corpconversation/asyncsend_v2?access_token=${(token as { access_token: string }).access_token}`;
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((response) =>
      response.json(),
    );
  }
  const text = { msgtype: 'text', text: { content: 'hello' } };
  const agent_id = dingtalk.agentId;

  it.each([
    ['no agent_id', { userid_list: 'manager4220', msg: text }, { errcode: 40, errmsg: 'Missing required arguments:agent_id' }],
    ['another agent_id', { agent_id: 1, userid_list: 'manager4220', msg: text }, { errcode: 400002 }],
    ['no msg', { agent_id, userid_list: 'manager4220' }, { errcode: 40, errmsg: 'Missing required arguments:msg' }],
    ['no receivers', { agent_id, msg: text }, { errcode: 40035 }],
    ['a list that is not a string', { agent_id, userid_list: ['manager4220'], msg: text }, { errcode: 34014 }],
    ['101 users', { agent_id, userid_list: Array.from({ length: 101 }, (_, n) => `u${n}`).join(','), msg: text }, { errcode: 40035 }],
    ['an unknown msgtype', { agent_id, userid_list: 'manager4220', msg: { msgtype: 'sticker', sticker: {} } }, { errcode: 34004 }],
    [
      'a markdown without a title',
      { agent_id, userid_list: 'manager4220', msg: { msgtype: 'markdown', markdown: { text: 'x' } } },
      { errcode: 34014 },
    ],
    [
      'a content over 5000 characters',
      { agent_id, userid_list: 'manager4220', msg: { msgtype: 'text', text: { content: 'x'.repeat(5_001) } } },
      { errcode: 34016 },
    ],
  ])('%s', async (_name, body, answer) => {
    expect(await post(body)).toMatchObject(answer);
    expect(dingtalk.notices).toHaveLength(0);
  });

  it('answers an unknown token with 40014 and a wrong secret with 40096', async () => {
    const send = await fetch(`${dingtalk.url}/topapi/message/corpconversation/asyncsend_v2?access_token=nope`, {
      method: 'POST',
      body: '{}',
    });
    expect(await send.json()).toEqual({ errcode: 40014, errmsg: '不合法的access_token' });
    const token = await fetch(`${dingtalk.url}/gettoken?appkey=${dingtalk.appKey}&appsecret=wrong`);
    expect(await token.json()).toEqual({ errcode: 40096, errmsg: '不合法的appKey或appSecret' });
  });
});

describe('dingtalk_work_notice config', () => {
  const base = { app_key: 'dingj5szxfnmcjdp0a1b', app_secret: 'secret-0123', agent_id: 2871460001, userid_list: 'manager4220' };
  it.each([
    [{ userid_list: undefined }, 'userid_list', 'userid_list, dept_id_list or to_all_user must say who receives the notice'],
    [{ to_all_user: true }, 'to_all_user', 'leave userid_list and dept_id_list out'],
    [{ userid_list: 'a, b' }, 'userid_list', 'without spaces'],
    [{ userid_list: Array.from({ length: 101 }, (_, n) => `u${n}`).join(',') }, 'userid_list', 'at most 100 user ids'],
    [{ dept_id_list: 'sales' }, 'dept_id_list', 'department ids (digits)'],
    [{ dept_id_list: Array.from({ length: 21 }, (_, n) => n + 1).join(',') }, 'dept_id_list', 'at most 20 department ids'],
    [{ agent_id: '2871460001' }, 'agent_id', 'agent_id must be an integer'],
    [{ msg_type: 'action_card' }, 'msg_type', 'msg_type must be one of text, markdown'],
  ])('refuses %j with a message on %s', (overrides, field, message) => {
    const parsed = dingtalkWorkNotice.parseConfig({ ...base, ...overrides });
    expect(parsed.ok ? [] : parsed.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringContaining(message) })]),
    );
  });

  it('marks app_secret write-only in the schema', () => {
    expect(dingtalkWorkNotice.configSchema).toMatchObject({
      properties: { app_secret: { writeOnly: true }, to_all_user: { type: 'boolean' } },
    });
  });
});
