import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp } from './support/test-app.js';

describe('the console at /console and the template preview it uses', () => {
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;
  const consoleDirectory = mkdtempSync(join(tmpdir(), 'herald-console-'));

  beforeAll(async () => {
    mkdirSync(join(consoleDirectory, 'assets'));
    writeFileSync(join(consoleDirectory, 'index.html'), '<!doctype html><title>Herald console</title>');
    writeFileSync(join(consoleDirectory, 'assets', 'index-abc123.js'), 'console.log("console");');
    herald = await TestApp.start({ HERALD_CONSOLE_DIR: consoleDirectory });
    project = await herald.createProject('preview');
  });
  afterAll(async () => {
    await herald?.stop();
    rmSync(consoleDirectory, { recursive: true, force: true });
  });

  it.each(['/console', '/console/', '/console/notifications/new', '/console/history?status=failed'])(
    'serves the page at %s, with no key',
    async (path) => {
      const response = await fetch(`${herald.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Herald console</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('upgrade-insecure-requests');
    },
  );

  it('serves hashed assets cached for good, and a missing asset as 404 rather than the page', async () => {
    const asset = await fetch(`${herald.baseUrl}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${herald.baseUrl}/console/assets/missing-000.js`)).status).toBe(404);
  });

  it('renders a template over a sample event with the project, and lists the paths', async () => {
    const response = await herald.request('POST', '/v1/templates/preview', project.admin, {
      template: '测试模板 ${project.name}: ${data.message}',
    });
    expect(response.status).toBe(200);
    expect(response.body.rendered).toBe('测试模板 Project preview: This is a test message from Herald.');
    expect(response.body.problem).toBeNull();
    expect(response.body.paths).toEqual(expect.arrayContaining(['event.type', 'data.message', 'project.name', 'subscription.name']));
  });

  it('renders over the event given, and names a syntax problem instead of rendering', async () => {
    const given = await herald.request('POST', '/v1/templates/preview', project.admin, {
      template: '${data.customer_name}: ${data.message_content}',
      event: { type: 'leave_message', data: { customer_name: '张三', message_content: '我想咨询一下产品价格' } },
    });
    expect(given.body).toEqual(expect.objectContaining({ rendered: '张三: 我想咨询一下产品价格', problem: null }));
    const broken = await herald.request('POST', '/v1/templates/preview', project.admin, { template: 'oops ${data.' });
    expect(broken.status).toBe(200);
    expect(broken.body.rendered).toBeNull();
    expect(broken.body.problem).toEqual(expect.any(String));
  });

  it('refuses a preview without a template (400 naming it) and without an admin key', async () => {
    const missing = await herald.request('POST', '/v1/templates/preview', project.admin, {});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('template');
    expect((await herald.request('POST', '/v1/templates/preview', project.publisher, { template: 'x' })).status).toBe(403);
    expect((await herald.request('POST', '/v1/templates/preview', undefined, { template: 'x' })).status).toBe(401);
  });
});
