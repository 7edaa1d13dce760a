import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeDingTalk } from '@herald/channel-dingtalk/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, staysTrue } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
/** The repeat_interval of the route that reminds, given to Herald too: short, so the test sees a reminder. */
const REMINDING_INTERVAL = '12s';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Forwarded {
  /** The query string Alertmanager's receiver URL carried. */
  search: string;
  body: string;
  heraldStatus: number;
  heraldAnswer: any;
  at: number;
}

/**
 * Stands between Alertmanager and Herald and passes every webhook on, with its query string; its
 * first answer to each receiver URL is a 503 although Herald took the webhook, as when an answer
 * is lost on the way, so Alertmanager sends the same webhook again.
 */
async function startForwarder(target: string): Promise<{ server: Server; url: string; forwarded: Forwarded[] }> {
  const forwarded: Forwarded[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks).toString();
      const search = new URL(request.url ?? '/', 'http://forwarder').search;
      const answer = await fetch(`${target}${search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: request.headers.authorization ?? '' },
        body,
      });
      const text = await answer.text();
      const first = !forwarded.some((earlier) => earlier.search === search);
      forwarded.push({ search, body, heraldStatus: answer.status, heraldAnswer: JSON.parse(text), at: Date.now() });
      response.writeHead(first ? 503 : answer.status, { 'content-type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, forwarded };
}

describe('Prometheus Alertmanager → Herald → DingTalk (the real Alertmanager binary)', () => {
  const dingtalk = new FakeDingTalk();
  let herald: TestApp;
  let forwarder: Awaited<ReturnType<typeof startForwarder>>;
  let alertmanager: ChildProcess;
  let alertmanagerUrl: string;
  let folder: string;
  let output = '';

  beforeAll(async () => {
    await dingtalk.start();
    herald = await TestApp.start();
    const project = await herald.createProject('alerts');
    const subscription = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: '钉钉运维群',
      channel: 'dingtalk',
      action: 'dingding_group_chat_robot',
      event_types: ['alertmanager.*'],
      config: {
        service_url: dingtalk.webhookUrl(),
        msg_type: 'markdown',
        template: '### [${data.status}] ${data.labels.alertname}\n- 实例: ${data.labels.instance}\n- 摘要: ${data.annotations.summary}',
      },
    });
    expect(subscription.body.warnings).toEqual([]);
    forwarder = await startForwarder(`${herald.baseUrl}/v1/ingest/alertmanager`);

    folder = await mkdtemp(join(tmpdir(), 'herald-alertmanager-'));
    await writeFile(
      join(folder, 'alertmanager.yml'),
      [
        'global:',
        '  resolve_timeout: 5m',
        'route:',
        '  receiver: herald',
        "  group_by: ['alertname']",
        '  group_wait: 1s',
        '  group_interval: 1s',
        '  repeat_interval: 1h',
        '  routes:',
        '    - receiver: herald-reminding',
        '      matchers: [\'alertname="QueueStuck"\']',
        `      repeat_interval: ${REMINDING_INTERVAL}`,
        'receivers:',
        '  - name: herald',
        '    webhook_configs:',
        `      - url: ${JSON.stringify(forwarder.url)}`,
        '        send_resolved: true',
        '        http_config:',
        '          authorization:',
        `            credentials: ${JSON.stringify(project.publisher)}`,
        '  - name: herald-reminding',
        '    webhook_configs:',
        `      - url: ${JSON.stringify(`${forwarder.url}?repeat_interval=${REMINDING_INTERVAL}`)}`,
        '        http_config:',
        '          authorization:',
        `            credentials: ${JSON.stringify(project.publisher)}`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    alertmanagerUrl = `http://127.0.0.1:${port}`;
    alertmanager = spawn(
      ALERTMANAGER,
      [
        `--config.file=${join(folder, 'alertmanager.yml')}`,
        `--storage.path=${join(folder, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    alertmanager.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    alertmanager.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(
      async () => {
        const ready = await fetch(`${alertmanagerUrl}/-/ready`).catch(() => undefined);
        return ready?.ok ? true : undefined;
      },
      { timeout: 20_000 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}: Alertmanager did not start: ${output}`);
    });
  });

  afterAll(async () => {
    if (alertmanager && alertmanager.exitCode === null) {
      const exited = new Promise((resolve) => alertmanager.once('exit', resolve));
      alertmanager.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => forwarder?.server.close(resolve));
    await herald?.stop();
    await dingtalk.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const messages = (status: string) =>
    dingtalk.messages.filter((message) => (message.body.markdown as { text: string }).text.startsWith(`### [${status}] DiskFull`));

  async function postAlerts(alerts: object[]): Promise<void> {
    const answer = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    expect(answer.status).toBe(200);
  }

  const alert = {
    labels: { alertname: 'DiskFull', instance: 'db1:9100', severity: 'critical' },
    annotations: { summary: '磁盘使用率 92%' },
  };

  it('delivers a firing alert once, rendered by the template, though Alertmanager sent the webhook twice', async () => {
    await postAlerts([{ ...alert, startsAt: new Date().toISOString() }]);
    const [firing] = await eventually(() => (messages('firing').length > 0 ? messages('firing') : undefined), { timeout: 30_000 });
    expect(firing!.msgtype).toBe('markdown');
    expect((firing!.body.markdown as { text: string }).text).toBe('### [firing] DiskFull\n- 实例: db1:9100\n- 摘要: 磁盘使用率 92%');

    // Alertmanager got a 503 for its first webhook and sent it again; Herald knew it.
    await eventually(() => (forwarder.forwarded.length >= 2 ? true : undefined), { timeout: 30_000 });
    const [first, second] = forwarder.forwarded;
    expect(second!.body).toBe(first!.body);
    expect(first!.heraldAnswer.events).toEqual([expect.objectContaining({ type: 'alertmanager.firing', duplicate: false })]);
    expect(second!.heraldAnswer.events).toEqual([expect.objectContaining({ id: first!.heraldAnswer.events[0].id, duplicate: true })]);
    await staysTrue(() => messages('firing').length === 1, { forMs: 2_000 });
  });

  it('delivers the resolution when the alert ends', async () => {
    await postAlerts([{ ...alert, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date().toISOString() }]);
    const [resolved] = await eventually(() => (messages('resolved').length > 0 ? messages('resolved') : undefined), { timeout: 30_000 });
    expect((resolved!.body.markdown as { text: string }).text).toContain('- 摘要: 磁盘使用率 92%');
    const webhook = JSON.parse(forwarder.forwarded.at(-1)!.body);
    expect(webhook).toMatchObject({ status: 'resolved', groupLabels: { alertname: 'DiskFull' }, alerts: [{ status: 'resolved' }] });
    await staysTrue(() => messages('resolved').length === 1 && messages('firing').length === 1, { forMs: 2_000 });
  });

  it('delivers a reminder of a still-firing alert after repeat_interval, but its retry only once', async () => {
    const reminding = () => forwarder.forwarded.filter((webhook) => webhook.search !== '');
    const notices = () =>
      dingtalk.messages.filter((message) => (message.body.markdown as { text: string }).text.startsWith('### [firing] QueueStuck'));
    await postAlerts([{ labels: { alertname: 'QueueStuck', instance: 'mq1:9419' }, startsAt: new Date().toISOString() }]);

    // The first webhook was answered 503 and sent again: the same notice, delivered once.
    await eventually(() => reminding().length >= 2, { timeout: 30_000, what: 'the webhook and its retry' });
    const [first, retry] = reminding();
    expect(retry!.body).toBe(first!.body);
    expect(retry!.heraldAnswer.events).toEqual([expect.objectContaining({ id: first!.heraldAnswer.events[0].id, duplicate: true })]);
    await eventually(() => notices().length === 1, { timeout: 30_000, what: 'the first notice' });

    // Alertmanager reminds with the very same body once repeat_interval has passed: a new event, delivered.
    const reminder = await eventually(
      () => reminding().find((webhook) => webhook.at > first!.at + 12_000 && webhook.heraldStatus === 200),
      {
        timeout: 40_000,
        what: () => `a reminder (webhooks so far: ${JSON.stringify(reminding().map((webhook) => webhook.heraldAnswer))}) ${output}`,
      },
    );
    expect(reminder.body).toBe(first!.body);
    expect(reminder.heraldAnswer.events).toEqual([expect.objectContaining({ type: 'alertmanager.firing', duplicate: false })]);
    expect(reminder.heraldAnswer.events[0].id).not.toBe(first!.heraldAnswer.events[0].id);
    await eventually(() => notices().length === 2, { timeout: 30_000, what: 'the reminder delivered' });
  });
});
