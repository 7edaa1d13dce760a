import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigError, sendOnce } from '@herald/channel-sdk';
import { describeChannelConformance, jsonAnswer } from '@herald/channel-sdk/testing';
import { FakeWebhookReceiver } from './testing/index.js';
import { httpChannel, webhookHttpPost } from './http.channel.js';

const token = 'tok-5f1b2c3d4e';
const webhookSecret = 'whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
const signingSecrets = {
  webhook_secret: webhookSecret,
  previous_webhook_secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  previous_webhook_secret_expires_at: '2099-01-01T00:00:00Z',
};

describeChannelConformance(httpChannel, {
  cases: {
    webhook_http_post: {
      config: { service_url: 'https://hooks.example.com/herald', token, password: 'pw-9a8b7c6d5e', username: 'ops', ...signingSecrets },
      success: jsonAnswer(200, { ok: true }),
    },
    webhook_http_get: {
      config: { service_url: 'https://hooks.example.com/herald?x=1', token, password: 'pw-9a8b7c6d5e', ...signingSecrets },
      success: jsonAnswer(204, {}),
    },
  },
});

describe('HTTP channel against a verifying receiver', () => {
  const receiver = new FakeWebhookReceiver({ token, webhookSecret });
  const event = { id: 'evt_1', type: 'build.failed', source: 'ci', data: { project: 'demo', id: 42 } };

  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.answerInTurn([{ status: 200, body: { received: true } }]);
  });

  it('POSTs the event envelope with both signatures, which the receiver accepts', async () => {
    const outcome = await sendOnce(httpChannel, {
      action: 'webhook_http_post',
      config: { service_url: `${receiver.url}/hook`, token, webhook_secret: webhookSecret },
      event,
    });
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200 } });
    const [request] = receiver.requests;
    expect(JSON.parse(request!.body)).toMatchObject({ id: 'evt_1', type: 'build.failed', data: { project: 'demo', id: 42 } });
    expect(request!.headers).toMatchObject({ 'x-herald-event': 'build.failed', 'content-type': 'application/json' });
    expect(request!.headers['webhook-id']).toBe(request!.headers['x-herald-delivery']);
  });

  it('a wrong token is refused by the receiver and fails for good', async () => {
    const outcome = await sendOnce(httpChannel, {
      action: 'webhook_http_post',
      config: { service_url: `${receiver.url}/hook`, token: 'not-the-token', webhook_secret: webhookSecret },
      event,
    });
    expect(outcome).toMatchObject({ status: 'failed', response: { status: 401 } });
    expect((outcome as { reason: string }).reason).toContain('HTTP 401');
  });

  it('sends the rendered template as the body, and custom headers', async () => {
    await sendOnce(httpChannel, {
      action: 'webhook_http_post',
      config: {
        service_url: `${receiver.url}/hook`,
        token,
        headers: 'X-Team: ops\r\nX-Env: prod',
        template: '{"text":"${event.type} in ${data.project}"}',
      },
      event,
    });
    const [request] = receiver.requests;
    expect(request!.body).toBe('{"text":"build.failed in demo"}');
    expect(request!.headers).toMatchObject({ 'x-team': 'ops', 'x-env': 'prod', 'content-type': 'application/json' });
  });

  it('GETs with the event as query parameters, signing the query', async () => {
    const outcome = await sendOnce(httpChannel, {
      action: 'webhook_http_get',
      config: { service_url: `${receiver.url}/get`, token, webhook_secret: webhookSecret },
      event,
    });
    expect(outcome.status).toBe('delivered');
    const url = new URL(receiver.requests[0]!.url, receiver.url);
    expect(url.pathname).toBe('/get');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ event_id: 'evt_1', event_type: 'build.failed', event_source: 'ci' });
  });

  it('sends HTTP Basic credentials', async () => {
    await sendOnce(httpChannel, {
      config: { service_url: `${receiver.url}/b`, token, webhook_secret: webhookSecret, username: 'ops', password: 'secret-pw' },
      action: 'webhook_http_post',
      event,
    });
    expect(receiver.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ops:secret-pw').toString('base64')}`);
  });

  it.each([
    [
      { status: 503, headers: { 'retry-after': '3' } },
      { status: 'retry', retryAfterMs: 3000 },
    ],
    [{ status: 408 }, { status: 'retry' }],
    [{ status: 404, body: 'no such hook' }, { status: 'failed' }],
    [{ status: 410 }, { status: 'failed', destinationGone: true }],
    [{ status: 302, headers: { location: 'http://169.254.169.254/' } }, { status: 'failed' }],
  ])('classifies %j as %j', async (answer, expected) => {
    receiver.answerInTurn([answer]);
    const outcome = await sendOnce(httpChannel, {
      action: 'webhook_http_post',
      config: { service_url: `${receiver.url}/c`, token, webhook_secret: webhookSecret },
      event,
    });
    expect(outcome).toMatchObject(expected);
  });
});

describe('HTTP channel config', () => {
  it.each([
    [{ service_url: 'ftp://example.com/x' }, 'service_url must use http or https, not ftp'],
    [{ service_url: 'not a url' }, 'service_url must be an absolute http(s) URL'],
    [{ service_url: 'https://x.example', headers: 'X-A: 1\nBad Header: 2' }, 'headers line 2: "Bad Header" is not a valid header name'],
    [{ service_url: 'https://x.example', headers: 'X-A: 1\rInjected: 1' }, 'headers line 1: the value of X-A contains a control character'],
    [{ service_url: 'https://x.example', template: 'hi ${data.x' }, 'template unclosed "${" at position 3'],
    [{ service_url: 'https://x.example', webhook_secret: 'secret' }, 'webhook_secret must be a Standard Webhooks secret'],
  ])('refuses %j with a message naming the field', (config, message) => {
    const parsed = webhookHttpPost.parseConfig(config);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.issues.map((issue) => issue.message).join('; ')).toContain(message);
  });

  it('sendOnce throws ConfigError listing the problems', async () => {
    await expect(sendOnce(httpChannel, { action: 'webhook_http_post', config: {}, event: { type: 'x' } })).rejects.toBeInstanceOf(
      ConfigError,
    );
  });
});
