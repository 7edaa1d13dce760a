import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeDingTalk } from '@herald/channel-dingtalk/testing';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PageWatcher, screenshot } from './support/browser.js';
import { ConsoleServer, eventually } from './support/console-server.js';

const RIGHT_SECRET = `SEC${'a1b2c3d4e5f6a7b8'.repeat(4)}`;
const WRONG_SECRET = `SEC${'ffff0000ffff0000'.repeat(4)}`;
const NAME = '钉钉运维群';

/** The texts a field's aria-describedby points at: its help and its errors, as a screen reader reads them. */
const describedText = (page: Page, label: string) =>
  page.getByLabel(label).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/**
 * The console as a project admin uses it, in Debian's chromium against the built server on real
 * PostgreSQL and Redis, with a fake DingTalk robot that checks the 加签 signature. The steps run
 * in order and share one browser page, as one person's session would.
 */
describe('web console', () => {
  let server: ConsoleServer;
  let dingtalk: FakeDingTalk;
  let browser: Browser;
  let page: Page;
  let watcher: PageWatcher;
  let adminKey = '';

  beforeAll(async () => {
    [server, dingtalk, browser] = await Promise.all([
      ConsoleServer.start(),
      new FakeDingTalk({ secret: RIGHT_SECRET }).start(),
      launchBrowser(),
    ]);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    watcher = new PageWatcher(page);
  });

  afterAll(async () => {
    await browser?.close();
    await dingtalk?.stop();
    await server?.stop();
  });

  it('loads small, in the browser’s language, and explains what a key is', async () => {
    const assets: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/console/')) assets.push(response.url());
    });
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByRole('heading', { name: '登录 Herald' }).waitFor();
    await page.getByText('API 密钥就是登录凭证').waitFor();
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(assets.map(async (url) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length));
    const firstLoad = sizes.reduce((total, size) => total + size, 0);
    console.log(`console first load: ${assets.length} files, ${(firstLoad / 1024).toFixed(1)} KiB gzipped`);
    expect(assets.some((url) => url.includes('recharts') || url.includes('success-chart'))).toBe(false);
    expect(firstLoad).toBeLessThan(400 * 1024);
    await screenshot(page, '01-sign-in');
  });

  it('as root, creates a new admin key for an existing project whose admin key was lost, shown once with a copy button', async () => {
    const legacy = await server.api('POST', '/v1/projects', ConsoleServer.rootKey, { key: 'legacy', name: '旧项目' });
    expect(legacy.status).toBe(201);
    await page.getByLabel('API 密钥').fill(ConsoleServer.rootKey);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '根密钥：选择或创建项目' }).waitFor();
    await page.getByRole('button', { name: '新建管理员密钥: 旧项目' }).click();
    const dialog = page.getByRole('dialog', { name: '为“旧项目”新建管理员密钥' });
    await expect(dialog.getByLabel('名称').inputValue()).resolves.toBe('管理员（根密钥新建）');
    await dialog.getByLabel('名称').fill('找回的管理员密钥');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('只显示这一次', { exact: false }).waitFor();
    const key = (await dialog.locator('code').textContent()) ?? '';
    expect(key).toMatch(/^hka_/);
    await dialog.getByRole('button', { name: '复制', exact: true }).waitFor();
    await screenshot(page, '02-root-new-admin-key');
    expect((await server.api('GET', '/v1/subscriptions', key)).status).toBe(200);
    const keys = (await server.api('GET', '/v1/api-keys', key)).body.data;
    expect(keys.map((entry: { name: string; role: string }) => [entry.name, entry.role])).toEqual([
      ['admin', 'admin'],
      ['publisher', 'publisher'],
      ['找回的管理员密钥', 'admin'],
    ]);
    await dialog.getByRole('button', { name: '已复制，关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('signs in with the root key, creates a project and continues as its admin', async () => {
    await page.getByLabel('API 密钥').fill(ConsoleServer.rootKey);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '根密钥：选择或创建项目' }).waitFor();
    await page.getByLabel('项目标识').fill('ops');
    await page.getByLabel('项目名称').fill('运维中心');
    await page.getByRole('button', { name: '创建项目' }).click();
    await page.getByText('只显示这一次').first().waitFor();
    adminKey = (await page.locator('[aria-labelledby] code').first().textContent()) ?? '';
    expect(adminKey).toMatch(/^hka_/);
    await expect(page.getByRole('button', { name: /复制|Copy/ }).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, '02-root-created-project');
    await page.getByRole('button', { name: '以该项目管理员身份继续' }).click();
    await page.getByRole('heading', { name: '通知设置' }).waitFor();
    expect(await page.evaluate(() => [sessionStorage.getItem('herald.key'), localStorage.getItem('herald.key')])).toEqual([adminKey, null]);
  });

  it('creates a DingTalk robot notification from the generated form, with the API’s field error shown on its field', async () => {
    await page.getByRole('button', { name: '新建通知' }).click();
    await page.getByRole('heading', { name: '新建通知' }).waitFor();
    await page.getByLabel('名称').fill(NAME);
    await page.getByLabel('渠道').fill('钉钉');
    // Enter picks the option the search left, once the list shows it (before, it would pick nothing).
    await page.getByRole('option', { name: '钉钉', exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await page.getByLabel('Webhook 地址').waitFor();
    await page.getByText('渠道参数：钉钉群自定义机器人', { exact: true }).waitFor();
    await expect(describedText(page, '发送行为')).resolves.toContain('通过自定义机器人发送到钉钉群');
    await expect(describedText(page, 'Webhook 地址')).resolves.toContain('自定义机器人的 Webhook 地址');
    await expect(describedText(page, '加签密钥')).resolves.toContain('机器人安全设置中「加签」给出的密钥');
    await page.getByLabel('触发事件').fill('ticket.*');
    await page.keyboard.press('Enter');
    await page.getByText('feishu_project', { exact: true }).waitFor();
    await screenshot(page, '03-event-picker');
    await page.getByLabel('触发事件').press('Escape');
    await page.getByLabel('Webhook 地址').fill('ftp://127.0.0.1/robot/send');
    await page.getByLabel('加签密钥').fill(WRONG_SECRET);
    await page.getByLabel('自定义模板').fill('新工单 ${data.title}（${project.name}）');
    await page.getByText('新工单 （运维中心）').waitFor();
    await page.getByRole('button', { name: '把 ${project.name} 加入模板' }).waitFor();
    await screenshot(page, '03-create-form');

    await page.getByRole('button', { name: '保存' }).click();
    await eventually(
      async () => (await describedText(page, 'Webhook 地址')).includes('must use http or https, not ftp'),
      10_000,
      'the API’s error on the Webhook 地址 field',
    );
    await screenshot(page, '04-field-error');

    await page.getByLabel('Webhook 地址').fill(dingtalk.webhookUrl());
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '通知设置' }).waitFor();
    const { body } = await server.api('GET', '/v1/subscriptions', adminKey);
    expect(body.data).toEqual([
      expect.objectContaining({
        name: NAME,
        channel: 'dingtalk',
        action: 'dingding_group_chat_robot',
        event_types: ['ticket.*'],
        enabled: true,
      }),
    ]);
  });

  it('lists it with its channel, events and 启用 switch, which acts at once, by mouse and keyboard', async () => {
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await row.getByText('钉钉', { exact: true }).waitFor();
    await row.getByText('钉钉群自定义机器人', { exact: true }).waitFor();
    await row.getByText('ticket.*').waitFor();
    const enabled = page.getByRole('switch', { name: `启用: ${NAME}` });
    await expect(enabled.getAttribute('aria-checked')).resolves.toBe('true');
    await screenshot(page, '05-list');
    await page.getByText(`已保存“${NAME}”`).waitFor({ state: 'detached' });
    await screenshot(page, 'readme-console', { x: 0, y: 0, width: 1360, height: 330 });
    await enabled.click();
    await eventually(
      async () => (await server.api('GET', '/v1/subscriptions', adminKey)).body.data[0].enabled === false,
      10_000,
      'disabled',
    );
    await expect(enabled.getAttribute('aria-checked')).resolves.toBe('false');
    await enabled.focus();
    await page.keyboard.press('Space');
    await eventually(
      async () => (await server.api('GET', '/v1/subscriptions', adminKey)).body.data[0].enabled === true,
      10_000,
      'enabled again',
    );
  });

  it('测试推送 with the wrong secret says the platform refused the signature, in words', async () => {
    await page.getByRole('button', { name: `测试推送: ${NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `测试推送：${NAME}` });
    await dialog.waitFor();
    await dialog.getByText('平台这次没有接收消息').waitFor();
    const verdict = dialog.getByRole('alert');
    await verdict.getByText(/sign not match/).waitFor();
    await verdict.getByText(/加签 secret/).waitFor();
    await verdict.getByText('加签密钥与机器人不一致').waitFor();
    await screenshot(page, '06-test-wrong-secret');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('edits the secret while the untouched webhook URL is kept, then 测试推送 is delivered', async () => {
    await page.getByRole('link', { name: `编辑: ${NAME}` }).click();
    await page.getByRole('heading', { name: '编辑通知' }).waitFor();
    await expect(page.getByLabel('Webhook 地址').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Webhook 地址').getAttribute('placeholder')).resolves.toContain('已设置');
    await page.getByLabel('加签密钥').fill(RIGHT_SECRET);
    await screenshot(page, '07-edit-form-secret-kept');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '通知设置' }).waitFor();
    await page.getByRole('button', { name: `测试推送: ${NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `测试推送：${NAME}` });
    await dialog.getByText('平台已接收这条测试消息').waitFor();
    expect(dingtalk.messages).toHaveLength(1);
    await screenshot(page, '07-test-delivered');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('finds a published event in 推送记录 with its attempts, and retries it', async () => {
    const published = await server.api('POST', '/v1/events', adminKey, { type: 'ticket.created', data: { title: '打印机着火' } });
    expect(published.status).toBe(202);
    await eventually(() => dingtalk.messages.length === 2, 15_000, 'the event delivered');
    await page.getByRole('link', { name: '推送记录', exact: true }).click();
    await page.getByRole('heading', { name: '推送记录' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(published.body.id) });
    await row.getByText('成功').waitFor();
    await row.getByRole('button', { name: '展开行' }).click();
    const attempts = page.getByRole('region', { name: '尝试记录' });
    await attempts.getByText('第 1 次尝试').waitFor();
    await attempts.getByText('"errcode":0').waitFor();
    await screenshot(page, '08-history-attempts');
    // The fake drops a repeated msgUuid (the delivery id) as DingTalk does, so the retry shows as a request.
    const requestsBefore = dingtalk.requests.length;
    await row.getByRole('button', { name: /^重新推送: / }).click();
    await page.getByText('正在重新推送').waitFor();
    await eventually(() => dingtalk.requests.length === requestsBefore + 1, 15_000, 'the retry sent');
    expect(dingtalk.requests.at(-1)?.body).toContain('打印机着火');
  });

  it('filters the history by status', async () => {
    await page.getByLabel('状态').fill('失败');
    await page.keyboard.press('Enter');
    await page.getByText('没有符合条件的推送记录。').waitFor();
    expect(page.url()).toContain('status=failed');
  });

  it('shows the success rate with a chart loaded on demand', async () => {
    await page.getByRole('link', { name: '成功率', exact: true }).click();
    await page.getByRole('heading', { name: '成功率', level: 1 }).waitFor();
    await page.getByText('100.0%').first().waitFor();
    const chart = page.getByRole('figure', { name: '推送趋势：成功、失败与跳过' });
    await chart.getByText('成功').waitFor();
    await page.getByText('最近 7 天', { exact: true }).click();
    expect(await page.getByRole('radio', { name: '最近 7 天' }).isChecked()).toBe(true);
    await chart.getByText('成功').waitFor();
    await screenshot(page, '09-stats');
  });

  it('creates an API key shown once with a copy button, revokes it, and is refused revoking the last admin key', async () => {
    await page.getByRole('link', { name: 'API 密钥' }).click();
    await page.getByRole('heading', { name: 'API 密钥' }).waitFor();
    await page.getByRole('button', { name: '新建 API 密钥' }).click();
    const form = page.getByRole('dialog', { name: '新建 API 密钥' });
    await form.getByLabel('名称').fill('ci-pipeline');
    await form.getByRole('button', { name: '创建' }).click();
    const shown = page.getByRole('dialog', { name: '新的 API 密钥' });
    await shown.getByText('只显示这一次', { exact: false }).waitFor();
    const key = (await shown.locator('code').textContent()) ?? '';
    expect(key).toMatch(/^hkp_/);
    await shown.getByRole('button', { name: '复制', exact: true }).waitFor();
    expect((await server.api('POST', '/v1/events', key, { type: 'ci.started' })).status).toBe(202);
    await screenshot(page, '10-api-key-created');
    await shown.getByRole('button', { name: '已复制，关闭' }).click();
    await shown.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '吊销: ci-pipeline' }).click();
    await page
      .getByRole('tooltip')
      .filter({ visible: true })
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await page.getByRole('button', { name: '吊销: ci-pipeline' }).waitFor({ state: 'detached' });
    await eventually(
      async () => (await server.api('POST', '/v1/events', key, { type: 'ci.started' })).status === 401,
      15_000,
      'the key refused',
    );

    const admins = (await server.api('GET', '/v1/api-keys', adminKey)).body.data.filter(
      (entry: { role: string }) => entry.role === 'admin',
    );
    expect(admins).toHaveLength(1);
    await page.getByRole('button', { name: `吊销: ${admins[0].name ?? admins[0].id}` }).click();
    await page
      .getByRole('tooltip')
      .filter({ visible: true })
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await page.getByText(/last admin key|最后/).waitFor();
    // The confirmation closes once answered, so the next step's first click is not spent closing it.
    await page.getByRole('tooltip').filter({ visible: true }).waitFor({ state: 'detached' });
    await screenshot(page, '11-api-keys');
  });

  it('creates an ingest URL for Feishu Project, shown once, and revokes it', async () => {
    await page.getByRole('link', { name: '接收地址' }).click();
    await page.getByRole('heading', { name: '接收地址' }).waitFor();
    await page.getByRole('button', { name: '新建接收地址' }).click();
    const form = page.getByRole('dialog', { name: '新建接收地址' });
    await form.getByLabel('名称').fill('飞书项目需求');
    await form.getByLabel('校验 Token').fill('fp-verify');
    await form.getByRole('button', { name: '创建' }).click();
    const shown = page.getByRole('dialog', { name: '新的接收地址' });
    await shown.getByText('只显示这一次', { exact: false }).waitFor();
    await form.waitFor({ state: 'hidden' });
    const url = (await shown.locator('code').first().textContent()) ?? '';
    expect(url.startsWith(`${server.baseUrl}/v1/ingest/feishu-project/`)).toBe(true);
    await screenshot(page, '12-ingest-url-created');
    await shown.getByRole('button', { name: '已复制，关闭' }).click();
    await page.getByRole('row', { name: /飞书项目需求/ }).waitFor();
    await page.getByRole('button', { name: '吊销: 飞书项目需求' }).click();
    await page
      .getByRole('tooltip')
      .filter({ visible: true })
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await page.getByRole('row', { name: /飞书项目需求/ }).waitFor({ state: 'detached' });
    expect((await server.api('GET', '/v1/ingest-tokens', adminKey)).body.data).toEqual([]);
  });

  it('switches to English, and every label follows, toasts shown just before included', async () => {
    await page.getByRole('link', { name: '通知设置' }).click();
    await page.getByRole('switch', { name: `启用: ${NAME}` }).click();
    const toast = page.getByText(`“${NAME}”已停用`);
    await toast.waitFor();
    await screenshot(page, '13-toast-before-switch');
    await page.getByRole('button', { name: 'English' }).click();
    // A toast stays 3 seconds; one left from before the switch would still be there in Chinese.
    await toast.waitFor({ state: 'detached', timeout: 1_500 });
    await page.getByRole('switch', { name: `Enabled: ${NAME}` }).click();
    await page.getByText(`“${NAME}” is enabled`).waitFor();
    await page.getByRole('heading', { name: 'Notification settings' }).waitFor();
    await page.getByRole('switch', { name: `Enabled: ${NAME}` }).waitFor();
    await page.getByRole('button', { name: `Send test: ${NAME}` }).waitFor();
    await page.getByRole('columnheader', { name: 'Events' }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(NAME) })
      .getByText('DingTalk group robot', { exact: true })
      .waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await screenshot(page, '13-list-english');
    await page.getByRole('button', { name: 'New notification' }).click();
    await page.getByLabel('Channel').fill('DingTalk');
    await page.getByRole('option', { name: 'DingTalk', exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await page.getByLabel('Webhook URL').waitFor();
    await page.getByLabel('Signing secret').waitFor();
    await page.getByText('Channel settings: DingTalk group robot', { exact: true }).waitFor();
    await expect(describedText(page, 'Action')).resolves.toContain('Post to a DingTalk group through a custom robot');
    await expect(describedText(page, 'Webhook URL')).resolves.toContain('The robot webhook');
    await expect(describedText(page, 'Signing secret')).resolves.not.toMatch(/[\u4e00-\u9fff]{4}/);
    await screenshot(page, '14-create-form-english');
  });

  it('gives root the new admin key in English too', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').fill(ConsoleServer.rootKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Root key: pick or create a project' }).waitFor();
    await page.getByRole('button', { name: 'New admin key: 旧项目' }).click();
    const dialog = page.getByRole('dialog', { name: 'New admin key for “旧项目”' });
    await expect(dialog.getByLabel('Name').inputValue()).resolves.toBe('admin (created by root)');
    await screenshot(page, '15-root-new-admin-key-english');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('logged no console errors and no failed requests for its own assets', () => {
    expect(watcher.consoleErrors).toEqual([]);
    expect(watcher.assetFailures).toEqual([]);
  });
});
