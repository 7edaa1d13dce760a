import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from './support/test-app.js';

/** Invalid input is answered per field, so a form can put each message beside its field. */
describe('validation errors: { statusCode, error, message, errors: [{ field, message }] }', () => {
  let herald: TestApp;
  let project: Awaited<ReturnType<TestApp['createProject']>>;

  beforeAll(async () => {
    herald = await TestApp.start();
    project = await herald.createProject('validation');
  });
  afterAll(() => herald?.stop());

  const subscription = {
    name: 'hook',
    channel: 'http',
    action: 'webhook_http_post',
    event_types: ['*'],
    config: { service_url: 'https://example.com/hook' },
  };

  it('a missing config field is required, said once', async () => {
    const response = await herald.request('POST', '/v1/subscriptions', project.admin, { ...subscription, config: {} });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'config.service_url is required',
      errors: [{ field: 'config.service_url', message: 'config.service_url is required' }],
    });
  });

  it('an empty body lists every required field, one entry each', async () => {
    const events = await herald.request('POST', '/v1/events', project.publisher, {});
    expect(events.status).toBe(400);
    expect(events.body.errors).toEqual([{ field: 'type', message: 'type is required' }]);
    const created = await herald.request('POST', '/v1/subscriptions', project.admin, {});
    expect(created.status).toBe(400);
    const fields = created.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'channel', 'action', 'event_types', 'config']));
    expect(new Set(fields).size).toBe(fields.length);
    for (const error of created.body.errors) expect(error.message).toBe(`${error.field} is required`);
    expect(created.body.message).toBe(created.body.errors.map((error: { message: string }) => error.message).join('; '));
  });

  it('nested fields are named by their full path', async () => {
    const badUrl = await herald.request('POST', '/v1/subscriptions', project.admin, {
      ...subscription,
      config: { service_url: 'ftp://example.com/hook' },
    });
    expect(badUrl.body.errors).toEqual([{ field: 'config.service_url', message: 'config.service_url must use http or https, not ftp' }]);
    const badHours = await herald.request('POST', '/v1/subscriptions', project.admin, {
      ...subscription,
      filters: { active_hours: { start: '25:00', end: '18:00', time_zone: 'Asia/Shanghai', outside: 'hold' } },
    });
    expect(badHours.status).toBe(400);
    expect(badHours.body.errors).toEqual([
      { field: 'filters.active_hours.start', message: expect.stringMatching(/^filters\.active_hours\.start /) },
    ]);
    const badBatch = await herald.request('POST', '/v1/events/batch', project.publisher, { events: [{ type: 'ok' }, {}] });
    expect(badBatch.body.errors).toEqual([{ field: 'events.1.type', message: 'events.1.type is required' }]);
  });

  it('WeCom recipients written with commas are refused by field, saying to use |', async () => {
    const response = await herald.request('POST', '/v1/subscriptions', project.admin, {
      name: 'wecom app',
      channel: 'wecom',
      action: 'wecom_app_message',
      event_types: ['*'],
      config: { corp_id: 'ww0123456789abcdef', agent_id: 1000002, secret: 'app-secret', to_users: 'zhangsan,lisi', to_tags: '1,2' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'config.to_users', message: expect.stringContaining('to_users must be user ids separated by | (not commas') },
      { field: 'config.to_tags', message: expect.stringContaining('to_tags must be tag ids (digits) separated by | (not commas)') },
    ]);
  });

  it('an unknown field is named', async () => {
    const response = await herald.request('POST', '/v1/events', project.publisher, { type: 'a', colour: 'red' });
    expect(response.body.errors).toEqual([{ field: 'colour', message: 'colour is not a known field' }]);
  });

  describe('a text holding U+0000, which PostgreSQL cannot store, is refused by its path and nothing is stored', () => {
    const stored = async (type: string) => (await herald.request('GET', `/v1/events?type=${type}`, project.admin)).body.data;
    const refusal = (field: string) => ({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining(`${field} contains the character U+0000`),
      errors: [{ field, message: expect.stringContaining('U+0000') }],
    });

    it.each([
      ['in data', { type: 'nul.data', data: { ticket: { text: 'a\u0000b' } } }, 'data.ticket.text'],
      ['in an array in data', { type: 'nul.array', data: { lines: ['ok', '\u0000'] } }, 'data.lines[1]'],
      ['in a key of data', { type: 'nul.key', data: { 'a\u0000': 1 } }, 'data["a\\u0000"]'],
      ['in the subject', { type: 'nul.subject', subject: '\u0000' }, 'subject'],
    ])('one event, %s', async (_label, event, field) => {
      const response = await herald.request('POST', '/v1/events', project.publisher, event);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(refusal(field));
      expect(await stored(event.type)).toEqual([]);
    });

    it('a batch names the event, and stores none of it', async () => {
      const events = [0, 1, 2, 3].map((index) => ({ type: 'nul.batch', data: { text: index === 3 ? 'end\u0000' : 'fine' } }));
      const response = await herald.request('POST', '/v1/events/batch', project.publisher, { events });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(refusal('events[3].data.text'));
      expect(await stored('nul.batch')).toEqual([]);
    });

    it.each([
      [
        'a subscription',
        'POST',
        '/v1/subscriptions',
        {
          name: 'nul-marker\u0000',
          channel: 'http',
          action: 'webhook_http_post',
          event_types: ['*'],
          config: { service_url: 'https://example.com/hook' },
        },
        'name',
        '/v1/subscriptions',
        'nul-marker',
      ],
      [
        'an event type',
        'PUT',
        '/v1/event-types/nul.typed',
        { description: 'ok', example: { text: '\u0000' } },
        'example.text',
        '/v1/event-types?catalog=project',
        'nul.typed',
      ],
    ])('%s names the field, and nothing is stored', async (_label, method, path, body, field, listing, marker) => {
      const response = await herald.request(method, path, project.admin, body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(refusal(field));
      const listed = (await herald.request('GET', listing, project.admin)).body;
      expect(JSON.stringify(listed)).not.toContain(marker);
    });

    it('an Alertmanager webhook names the field of its own body', async () => {
      const alert = {
        status: 'firing',
        labels: { alertname: 'NulAlert' },
        annotations: { summary: 'x\u0000' },
        startsAt: '2024-01-15T10:30:00Z',
      };
      const webhook = { version: '4', status: 'firing', groupKey: '{}', receiver: 'herald', alerts: [alert] };
      const response = await herald.request('POST', '/v1/ingest/alertmanager', project.publisher, webhook);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(refusal('body.alerts[0].annotations.summary'));
      expect(await stored('alertmanager.firing')).toEqual([]);
    });
  });

  it('a body that is not JSON is told that JSON is expected', async () => {
    const response = await fetch(`${herald.baseUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${project.publisher}`, 'content-type': 'text/plain' },
      body: '{"type": "order.paid"}',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'the body must be JSON, sent with content-type: application/json (this one was sent as text/plain)',
    });
  });

  it('a JSON media type with a suffix is read as JSON', async () => {
    const response = await fetch(`${herald.baseUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${project.publisher}`, 'content-type': 'application/cloudevents+json' },
      body: '{"type": "order.paid"}',
    });
    expect(response.status).toBe(202);
  });

  it('a request without a body needs no content-type', async () => {
    const response = await fetch(`${herald.baseUrl}/v1/channels`, { headers: { authorization: `Bearer ${project.admin}` } });
    expect(response.status).toBe(200);
  });
});
