import { describe, expect, it } from '@jest/globals';
import { createMessageContext, DeliveryFailure, memoryCache, type SendContext, type HttpTransport } from '@herald/channel-sdk';
import type { JenkinsBuildJobConfig } from './jenkins.config.js';
import { buildInvokeRequest, invokeUrl, mergeJsonObjectTexts, renderBuildBody } from './jenkins.render.js';

const serviceUrl = 'https://jenkins.example.com/generic-webhook-trigger/invoke';
const message = createMessageContext(
  {
    id: 'evt_7',
    type: 'build.failed',
    source: 'ci',
    time: '2024-01-15T10:30:00Z',
    subject: 'main',
    data: { ref: 'refs/heads/main', build: 42 },
  },
  { project: { key: 'demo', name: 'Demo' } },
);
const withoutSubject = createMessageContext({ id: 'evt_8', type: 'push', source: 'git', time: '2024-01-15T10:30:00Z', data: { ref: 'x' } });

const config = (extra: Partial<JenkinsBuildJobConfig> = {}): JenkinsBuildJobConfig => ({
  service_url: serviceUrl,
  build_token: 'herald-demo',
  ...extra,
});

describe('renderBuildBody', () => {
  it.each([
    [
      'the event envelope',
      config(),
      message,
      '{"id":"evt_7","type":"build.failed","source":"ci","time":"2024-01-15T10:30:00Z","subject":"main","data":{"ref":"refs/heads/main","build":42},"project":{"key":"demo","name":"Demo"},"subscription":{"id":"local","name":"local"}}',
    ],
    [
      'the envelope without a subject',
      config(),
      withoutSubject,
      '{"id":"evt_8","type":"push","source":"git","time":"2024-01-15T10:30:00Z","data":{"ref":"x"},"project":{"key":"local","name":"local"},"subscription":{"id":"local","name":"local"}}',
    ],
    [
      'the envelope with build_args merged at top level, digits kept',
      config({ build_args: ' {"DEPLOY_ENV": "prod", "RUN_ID": 12345678901234567890} ' }),
      withoutSubject,
      '{"id":"evt_8","type":"push","source":"git","time":"2024-01-15T10:30:00Z","data":{"ref":"x"},"project":{"key":"local","name":"local"},"subscription":{"id":"local","name":"local"},"DEPLOY_ENV": "prod", "RUN_ID": 12345678901234567890}',
    ],
    [
      'the envelope with empty build_args',
      config({ build_args: '{ }' }),
      withoutSubject,
      '{"id":"evt_8","type":"push","source":"git","time":"2024-01-15T10:30:00Z","data":{"ref":"x"},"project":{"key":"local","name":"local"},"subscription":{"id":"local","name":"local"}}',
    ],
    [
      'the rendered template, values JSON-escaped',
      config({ template: '{"ref":"${data.ref}","why":"${event.subject} \\"q\\""}' }),
      message,
      '{"ref":"refs/heads/main","why":"main \\"q\\""}',
    ],
    [
      'a template with build_args',
      config({ template: '{ "ref": "${data.ref}" }\n', build_args: '{"ENV":"prod"}' }),
      message,
      '{ "ref": "refs/heads/main","ENV":"prod"}',
    ],
    ['an empty template object with build_args', config({ template: '{}', build_args: '{"ENV":"prod"}' }), message, '{"ENV":"prod"}'],
  ])('sends %s', (_case, buildConfig, context, expected) => {
    const body = renderBuildBody(buildConfig, context);
    expect(body).toBe(expected);
    expect(() => JSON.parse(body)).not.toThrow();
  });

  it('inserts objects whole and escapes quotes and newlines, so the body stays valid JSON', () => {
    const tricky = createMessageContext({ type: 'x', data: { title: 'say "hi"\nbye', labels: ['a', 'b'] } });
    const body = renderBuildBody(config({ template: '{"title":"${data.title}","labels":${data.labels},"data":${data}}' }), tricky);
    expect(JSON.parse(body)).toEqual({ title: 'say "hi"\nbye', labels: ['a', 'b'], data: { title: 'say "hi"\nbye', labels: ['a', 'b'] } });
  });

  it('refuses for good to send a template that does not render valid JSON', () => {
    const render = () => renderBuildBody(config({ template: '{"build": ${data.build} ${data.build}}' }), message);
    expect(render).toThrow(DeliveryFailure);
    expect(render).toThrow('template renders to invalid JSON');
  });
});

describe('mergeJsonObjectTexts', () => {
  it.each([
    ['{"a":1}', '{"b":2}', '{"a":1,"b":2}'],
    ['{}', '{"b":2}', '{"b":2}'],
    ['{"a":1}', '{}', '{"a":1}'],
    ['{\n  "a": 1\n}\n', '\n{ "b": [1, 2] }', '{\n  "a": 1,"b": [1, 2]}'],
  ])('%j + %j → %j', (objectText, extraText, expected) => {
    expect(mergeJsonObjectTexts(objectText, extraText)).toBe(expected);
  });
});

describe('invokeUrl', () => {
  it.each([
    [serviceUrl, undefined, serviceUrl],
    [serviceUrl, 'env=prod&jobQuietPeriod=0', `${serviceUrl}?env=prod&jobQuietPeriod=0`],
    [`${serviceUrl}?team=ops`, 'env=prod', `${serviceUrl}?team=ops&env=prod`],
    [serviceUrl, 'name=a%20b&list=x,y', `${serviceUrl}?name=a%20b&list=x,y`],
  ])('%s with %j → %s', (service_url, request_parameters, expected) => {
    expect(invokeUrl({ service_url, request_parameters })).toBe(expected);
  });
});

describe('buildInvokeRequest', () => {
  const transport: HttpTransport = { request: async () => ({ status: 200, headers: {}, body: '' }) };
  const context = (extra: Partial<JenkinsBuildJobConfig>): SendContext<JenkinsBuildJobConfig> => ({
    config: config(extra),
    message,
    delivery: { id: 'dlv_1', attempt: 1 },
    transport,
    timeoutMs: 1000,
    cache: memoryCache(),
    now: Date.now,
  });

  it('POSTs JSON with the token as Bearer, the event and delivery ids, and the user headers lower-cased', () => {
    const request = buildInvokeRequest(context({ header_parameters: 'X-Team: ops\nUser-Agent: my-agent', request_parameters: 'env=prod' }));
    expect(request).toMatchObject({ method: 'POST', url: `${serviceUrl}?env=prod` });
    expect(request.headers).toEqual({
      'user-agent': 'my-agent',
      'x-team': 'ops',
      'content-type': 'application/json',
      'x-herald-event': 'build.failed',
      'x-herald-delivery': 'dlv_1',
      authorization: 'Bearer herald-demo',
    });
    expect(request.url).not.toContain('token');
  });
});
