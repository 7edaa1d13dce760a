import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHeraldClient, type Schemas } from '@herald/api-client';
import { ROOT_KEY } from '../src/tools/scratch-environment.js';
import { TestApp } from './support/test-app.js';

describe('the typed client (@herald/api-client) against the running server', () => {
  let herald: TestApp;

  beforeAll(async () => {
    herald = await TestApp.start();
  });
  afterAll(() => herald?.stop());

  it('creates a project, a subscription, publishes an event and reads it back', async () => {
    const root = createHeraldClient({ baseUrl: herald.baseUrl, apiKey: ROOT_KEY });
    const created = await root.POST('/v1/projects', { body: { key: 'client-test', name: 'Client test' } });
    expect(created.response.status).toBe(201);
    const adminKey = created.data!.api_keys.find((key) => key.role === 'admin')!.key;

    const admin = createHeraldClient({ baseUrl: herald.baseUrl, apiKey: () => adminKey });
    const body: Schemas['CreateSubscriptionDto'] = {
      name: 'tickets',
      channel: 'http',
      action: 'webhook_http_post',
      event_types: ['ticket.*'],
      config: { service_url: 'http://127.0.0.1:9/hook' },
      enabled: false,
    };
    const subscription = await admin.POST('/v1/subscriptions', { body });
    expect(subscription.data).toMatchObject({ name: 'tickets', enabled: false, event_types: ['ticket.*'] });

    const published = await admin.POST('/v1/events', { body: { type: 'ticket.created', data: { id: 42 } } });
    expect(published.response.status).toBe(202);
    expect(published.data).toMatchObject({ duplicate: false });

    const event = await admin.GET('/v1/events/{id}', { params: { path: { id: published.data!.id } } });
    expect(event.data).toMatchObject({ id: published.data!.id, type: 'ticket.created', data: { id: 42 } });

    const page = await admin.GET('/v1/deliveries', { params: { query: { limit: 10 } } });
    expect(page.data).toMatchObject({ data: [], next_cursor: null });
  });

  it('returns the documented error shape', async () => {
    const anonymous = createHeraldClient({ baseUrl: herald.baseUrl });
    const refused = await anonymous.GET('/v1/subscriptions');
    expect(refused.response.status).toBe(401);
    expect(refused.error).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });

    const root = createHeraldClient({ baseUrl: herald.baseUrl, apiKey: ROOT_KEY });
    const invalid = await root.POST('/v1/projects', { body: { key: 'Not A Key', name: 'x' } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.message).toContain('key must be');
  });

  it('reads health without a key', async () => {
    const anonymous = createHeraldClient({ baseUrl: herald.baseUrl });
    const health = await anonymous.GET('/health');
    expect(health.data).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });
});
