import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createScratchEnvironment, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { eventually } from './support/eventually.js';
import { TestApp } from './support/test-app.js';

describe('rotating HERALD_ENCRYPTION_KEY', () => {
  let environment: ScratchEnvironment;
  afterAll(() => environment?.dispose());

  async function sealedSecrets(): Promise<string> {
    const client = new pg.Client({ connectionString: environment.databaseUrl });
    await client.connect();
    const result = await client.query('SELECT secrets_encrypted FROM subscriptions');
    await client.end();
    return result.rows[0].secrets_encrypted;
  }

  it('re-seals stored secrets under the new key while both keys are given, so the old key can then be dropped', async () => {
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('hex');
    environment = await createScratchEnvironment({ HERALD_ENCRYPTION_KEY: oldKey });
    let herald = await TestApp.start({}, environment);
    const project = await herald.createProject('rotation');
    const created = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'signed',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['*'],
      config: { service_url: 'http://127.0.0.1:9/x', token: 'rotating-secret-token' },
    });
    await herald.stop(false);
    const before = await sealedSecrets();

    herald = await TestApp.start({ HERALD_ENCRYPTION_KEY: `${newKey},${oldKey}` }, environment);
    const resealed = await eventually(
      async () => {
        const current = await sealedSecrets();
        return current !== before && current;
      },
      { timeout: 10_000, what: 'the secret re-sealed under the new key' },
    );
    await herald.stop(false);
    expect(resealed.split(':')[1]).not.toBe(before.split(':')[1]);

    herald = await TestApp.start({ HERALD_ENCRYPTION_KEY: newKey }, environment);
    const test = await herald.request('POST', `/v1/subscriptions/${created.body.id}/test`, project.admin);
    expect(test.status).toBe(200);
    expect(test.body.request.url).toBe('http://127.0.0.1:9/x');
    await herald.stop(false);
  });
});
