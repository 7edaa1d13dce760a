#!/usr/bin/env node
/**
 * The standalone path, timed: packs @herald/channel-sdk and @herald/channel-dingtalk, installs both
 * tarballs with npm into an empty temporary folder, and times a script that sends one message with
 * `sendOnce` (as ESM and as CommonJS) to the DingTalk fake running in another process, beside a
 * plain `node -e ''` start on the same machine in the same run. Runs alternate so load from other
 * processes falls on every command alike; the medians are printed.
 *
 *   pnpm bench:standalone            # 20 runs of each
 *   STANDALONE_RUNS=40 pnpm bench:standalone
 *
 * Apprise (the `apprise` command) is timed beside them when it is installed; it is not a
 * dependency, and the script installs nothing of its own beyond the two tarballs.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.env.STANDALONE_RUNS ?? 20);
const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const folder = mkdtempSync(join(tmpdir(), 'herald-standalone-'));

const SEND_ONE_ESM = `import { sendOnce } from '@herald/channel-sdk';
import dingtalk from '@herald/channel-dingtalk';
const outcome = await sendOnce(dingtalk, {
  action: 'dingding_group_chat_robot',
  config: { service_url: process.env.WEBHOOK_URL, msg_type: 'text' },
  event: { type: 'deploy.finished', data: { service: 'api' } },
});
if (outcome.status !== 'delivered') throw new Error(JSON.stringify(outcome));
`;
const SEND_ONE_CJS = `const { sendOnce } = require('@herald/channel-sdk');
const dingtalk = require('@herald/channel-dingtalk').default;
sendOnce(dingtalk, {
  action: 'dingding_group_chat_robot',
  config: { service_url: process.env.WEBHOOK_URL, msg_type: 'text' },
  event: { type: 'deploy.finished', data: { service: 'api' } },
}).then((outcome) => {
  if (outcome.status !== 'delivered') throw new Error(JSON.stringify(outcome));
});
`;
const RECEIVER = `import { FakeDingTalk } from '@herald/channel-dingtalk/testing';
const fake = await new FakeDingTalk({ maxPerWindow: Number.MAX_SAFE_INTEGER }).start();
setInterval(() => { fake.messages.length = 0; }, 1000);
console.log(fake.webhookUrl());
`;

function pack() {
  const packed = join(folder, 'packed');
  for (const name of ['@herald/channel-sdk', '@herald/channel-dingtalk']) {
    execFileSync('pnpm', ['--filter', name, 'pack', '--pack-destination', packed], { cwd: repository, stdio: 'ignore' });
  }
  return readdirSync(packed).map((file) => join(packed, file));
}

function install(tarballs) {
  const app = join(folder, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'standalone-bench', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: app, stdio: 'inherit' });
  writeFileSync(join(app, 'send-one.mjs'), SEND_ONE_ESM);
  writeFileSync(join(app, 'send-one.cjs'), SEND_ONE_CJS);
  writeFileSync(join(app, 'receiver.mjs'), RECEIVER);
  return app;
}

function startReceiver(app) {
  const receiver = spawn(process.execPath, ['receiver.mjs'], { cwd: app, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveUrl, reject) => {
    receiver.stdout.once('data', (chunk) => resolveUrl({ receiver, url: chunk.toString().trim() }));
    receiver.once('exit', (code) => reject(new Error(`the receiver exited with ${code}`)));
  });
}

function whichApprise() {
  const found = spawnSync('sh', ['-c', 'command -v apprise'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

function timeOnce({ command, args, anyExit }, cwd, env) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0 && !anyExit) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const tarballs = pack();
const app = install(tarballs);
const { receiver, url } = await startReceiver(app);
try {
  const env = { ...process.env, WEBHOOK_URL: url };
  const commands = [
    { label: "node -e ''", command: process.execPath, args: ['-e', ''] },
    { label: 'sendOnce, ESM script', command: process.execPath, args: ['send-one.mjs'] },
    { label: 'sendOnce, CommonJS script', command: process.execPath, args: ['send-one.cjs'] },
  ];
  const apprise = whichApprise();
  // Apprise posts a JSON body with its json:// service; the fake answers it as a robot would not, so only its time counts.
  if (apprise)
    commands.push({ label: 'apprise CLI', command: apprise, args: ['-b', 'deploy.finished', url.replace(/^http/, 'json')], anyExit: true });
  const times = commands.map(() => []);
  for (const command of commands) timeOnce(command, app, env); // warm-up: file system caches
  for (let run = 0; run < runs; run += 1) {
    for (const [index, command] of commands.entries()) times[index].push(timeOnce(command, app, env));
  }
  const plain = median(times[0]);
  console.log(`\nStandalone send of one DingTalk message, ${runs} alternating runs each, median wall time (node ${process.version}):\n`);
  console.log('| what | median | min | beyond a bare node start |');
  console.log('|---|---|---|---|');
  for (const [index, command] of commands.entries()) {
    const middle = median(times[index]);
    const beyond = index === 0 ? '—' : `${(middle - plain).toFixed(0)} ms`;
    console.log(`| ${command.label} | ${middle.toFixed(0)} ms | ${Math.min(...times[index]).toFixed(0)} ms | ${beyond} |`);
  }
  if (!apprise) {
    console.log('\nApprise is not installed, so it is not in the table. To compare: `pip install apprise` (or the');
    console.log('Debian package `apprise`), then re-run; its CLI is timed the same way, sending one notification');
    console.log('with `apprise -b <text> json://127.0.0.1:<port>/…` to the same local receiver.');
  }
} finally {
  receiver.kill();
  rmSync(folder, { recursive: true, force: true });
}
