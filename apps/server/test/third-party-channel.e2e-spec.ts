import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeNtfy } from 'herald-channel-ntfy/testing';
import { TestApp } from './support/test-app.js';

/**
 * A channel published by someone else: herald-channel-ntfy lives outside packages/, depends only on
 * @herald/channel-sdk, and the unmodified server loads it by its package name.
 */
describe('a third-party channel package', () => {
  let herald: TestApp;
  const ntfy = new FakeNtfy({ accessToken: 'tk_third0party0token' });

  beforeAll(async () => {
    await ntfy.start();
    herald = await TestApp.start({ HERALD_CHANNELS: '@herald/channel-http,herald-channel-ntfy' });
  });
  afterAll(async () => {
    await herald?.stop();
    await ntfy.stop();
  });

  it('is listed with its action and schema, and delivers through a subscription', async () => {
    const project = await herald.createProject('plugins');
    const channels = await herald.request('GET', '/v1/channels', project.admin);
    const listed = channels.body.data.find((channel: { id: string }) => channel.id === 'ntfy');
    expect(listed.actions.map((action: { id: string }) => action.id)).toEqual(['ntfy_topic_message']);
    expect(listed.actions[0].config_schema.properties.access_token).toMatchObject({ writeOnly: true });

    const subscription = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'phone',
      channel: 'ntfy',
      action: 'ntfy_topic_message',
      event_types: ['backup.*'],
      config: { service_url: ntfy.topicUrl('ops-alerts'), access_token: 'tk_third0party0token', template: 'Backup of ${data.host} failed' },
    });
    expect(subscription.status).toBe(201);
    const published = await herald.request('POST', '/v1/events', project.publisher, { type: 'backup.failed', data: { host: 'db-1' } });
    const [delivery] = await herald.deliveriesOfEvent(project.admin, published.body.id);
    await herald.waitForDelivery(project.admin, delivery.id, 'succeeded');
    expect(ntfy.messages).toHaveLength(1);
    expect(ntfy.messages[0]).toMatchObject({ topic: 'ops-alerts', message: 'Backup of db-1 failed' });
  });
});
