import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FakeDingTalk } from './testing/index.js';

/**
 * The standalone path as a user takes it: the packed tarballs of the SDK and this channel installed
 * with npm into an empty folder, and a script that sends one message, written as ESM and as
 * CommonJS (require(esm), Node.js 20.19 and later). Packing skips prepack: the dist folders the
 * test task was built with are packed, not rebuilt under other suites' feet.
 */
const run = promisify(execFile);
const packages = resolve(import.meta.dirname, '../..');
const INSTALL_MS = 240_000;

const SEND = `{
  action: 'dingding_group_chat_robot',
  config: { service_url: process.env.WEBHOOK_URL, msg_type: 'text' },
  event: { type: 'deploy.finished', data: { service: 'api' } },
}`;

const ESM_SCRIPT = `import { createRequire } from 'node:module';
import { sendOnce } from '@herald/channel-sdk';
import dingtalk from '@herald/channel-dingtalk';
const outcome = await sendOnce(dingtalk, ${SEND});
const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({
  status: outcome.status,
  classValidatorEntryLoaded: loaded.some((file) => file.endsWith('/class-validator/cjs/index.js')),
  phoneNumbersLoaded: loaded.some((file) => file.includes('/libphonenumber-js/')),
  schemaGeneratorLoaded: loaded.some((file) => file.endsWith('/class-validator-jsonschema/build/index.js')),
}));
`;

const CJS_SCRIPT = `const { sendOnce } = require('@herald/channel-sdk');
const dingtalk = require('@herald/channel-dingtalk').default;
sendOnce(dingtalk, ${SEND}).then((outcome) => {
  const schema = dingtalk.actions[0].configSchema;
  console.log(JSON.stringify({ status: outcome.status, serviceUrlWriteOnly: schema.properties.service_url.writeOnly }));
});
`;

describe('the packed SDK and DingTalk channel, installed with npm', () => {
  const dingtalk = new FakeDingTalk();
  let folder: string;
  let app: string;

  beforeAll(async () => {
    await dingtalk.start();
    folder = await mkdtemp(join(tmpdir(), 'herald-standalone-'));
    app = join(folder, 'app');
    const packed = join(folder, 'packed');
    for (const directory of ['channel-sdk', 'channel-dingtalk']) {
      await run('pnpm', ['--config.ignore-scripts=true', 'pack', '--pack-destination', packed], { cwd: join(packages, directory) });
    }
    const tarballs = (await readdir(packed)).map((file) => join(packed, file));
    await run('mkdir', ['-p', app]);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'standalone-consumer', private: true }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: app });
    await writeFile(join(app, 'send-one.mjs'), ESM_SCRIPT);
    await writeFile(join(app, 'send-one.cjs'), CJS_SCRIPT);
  }, INSTALL_MS);

  afterAll(async () => {
    await dingtalk.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function sendFrom(script: string): Promise<Record<string, unknown>> {
    const { stdout } = await run(process.execPath, [script], { cwd: app, env: { ...process.env, WEBHOOK_URL: dingtalk.webhookUrl() } });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  it('an ESM script sends one message, without loading class-validator whole or the schema generator', async () => {
    const before = dingtalk.messages.length;
    expect(await sendFrom('send-one.mjs')).toEqual({
      status: 'delivered',
      classValidatorEntryLoaded: false,
      phoneNumbersLoaded: false,
      schemaGeneratorLoaded: false,
    });
    expect(dingtalk.messages.slice(before)).toEqual([expect.objectContaining({ msgtype: 'text' })]);
    expect(JSON.stringify(dingtalk.messages[before]?.body)).toContain('deploy.finished');
  });

  it('a CommonJS script sends one message and still gets the config schema', async () => {
    const before = dingtalk.messages.length;
    expect(await sendFrom('send-one.cjs')).toEqual({ status: 'delivered', serviceUrlWriteOnly: true });
    expect(dingtalk.messages.slice(before)).toEqual([expect.objectContaining({ msgtype: 'text' })]);
  });
});
