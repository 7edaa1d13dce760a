import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigError, createMessageContext, memoryCache, runAction, sendOnce, type DeliveryOutcome } from '@herald/channel-sdk';
import { FakeServer } from '@herald/channel-sdk/fakes';
import { describeChannelConformance, jsonAnswer, scriptedTransport, textAnswer } from '@herald/channel-sdk/testing';
import { jenkinsChannel, jenkinsGenericBuildJob } from './jenkins.channel.js';
import { FakeJenkins, jenkinsRestarting } from './testing/index.js';

const buildToken = 'herald-build-7f3a9c2e';

describeChannelConformance(jenkinsChannel, {
  cases: {
    jenkins_generic_build_job: {
      config: {
        service_url: 'https://jenkins.example.com/generic-webhook-trigger/invoke',
        build_token: buildToken,
        build_args: '{"ENV":"prod"}',
      },
      success: jsonAnswer(200, {
        jobs: {
          deploy: {
            regexpFilterExpression: '',
            triggered: true,
            resolvedVariables: {},
            regexpFilterText: '',
            id: 123,
            url: 'queue/item/123/',
          },
        },
        message: 'Triggered jobs.',
      }),
      permanent: jsonAnswer(404, { jobs: null, message: 'Did not find any jobs with GenericTrigger configured!\nA token was supplied.\n' }),
    },
  },
});

describe('Jenkins channel against a fake Generic Webhook Trigger', () => {
  const jenkins = new FakeJenkins({ jobs: { [buildToken]: ['deploy', 'team/notify'], 'single-job-token': ['deploy'] } });
  const event = { id: 'evt_1', type: 'build.failed', source: 'ci', subject: 'main', data: { ref: 'refs/heads/main', build: 42 } };
  const send = (config: Record<string, unknown> = {}): Promise<DeliveryOutcome> =>
    sendOnce(jenkinsChannel, { config: { service_url: jenkins.invokeUrl, build_token: buildToken, ...config }, event });
  const reasonOf = (outcome: DeliveryOutcome) => ('reason' in outcome ? outcome.reason : '');

  beforeAll(() => jenkins.start());
  afterAll(() => jenkins.stop());
  beforeEach(() => jenkins.reset());

  it('triggers every job of the token with the envelope and build_args, the token as Bearer', async () => {
    const outcome = await send({ build_args: '{"DEPLOY_ENV":"prod"}', request_parameters: 'env=prod', header_parameters: 'X-Team: ops' });
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200 } });
    expect(outcome).not.toHaveProperty('note');
    expect(jenkins.builds.map((build) => build.job)).toEqual(['deploy', 'team/notify']);
    const [build] = jenkins.builds;
    expect(build).toMatchObject({
      tokenSource: 'bearer',
      body: {
        id: 'evt_1',
        type: 'build.failed',
        source: 'ci',
        subject: 'main',
        data: { ref: 'refs/heads/main', build: 42 },
        DEPLOY_ENV: 'prod',
      },
      query: { env: ['prod'] },
      headers: { 'x-team': 'ops', 'x-herald-event': 'build.failed', 'content-type': 'application/json' },
    });
    expect(build!.headers['x-herald-delivery']).toMatch(/^dlv_/);
  });

  it('sends the rendered template as the body', async () => {
    await send({ template: '{"ref":"${data.ref}","build":${data.build}}', build_args: '{"ENV":"prod"}' });
    expect(jenkins.requests[0]!.body).toBe('{"ref":"refs/heads/main","build":42,"ENV":"prod"}');
  });

  it('fails, naming the jobs and their filters, when every job was filtered out', async () => {
    jenkins.filterOut('deploy').filterOut('team/notify', 'refs/heads/dev', '^refs/heads/release');
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'failed', response: { status: 200 } });
    expect(reasonOf(outcome)).toBe(
      'Jenkins triggered no job: deploy (filtered out: "refs/heads/feature" does not match ^refs/heads/main$), team/notify (filtered out: "refs/heads/dev" does not match ^refs/heads/release)',
    );
    expect(jenkins.builds).toHaveLength(0);
  });

  it('delivers with a note when some jobs were filtered out', async () => {
    jenkins.filterOut('team/notify');
    const outcome = await send();
    expect(outcome).toMatchObject({
      status: 'delivered',
      note: expect.stringMatching(/^triggered deploy \(queue item \d+\); not triggered team\/notify \(filtered out/),
    });
  });

  it('delivers with a note, and does not retry, when one job triggered and another failed (HTTP 500)', async () => {
    jenkins.breakJob('team/notify');
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'delivered', response: { status: 500 } });
    expect((outcome as { note: string }).note).toContain('but not team/notify (Exception occurred (class java.lang.IllegalStateException');
    expect(jenkins.builds.map((build) => build.job)).toEqual(['deploy']);
  });

  it('retries a 500 in which no job was triggered', async () => {
    jenkins.filterOut('deploy').breakJob('team/notify', 'java.io.IOException: queue is full');
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'retry', response: { status: 500 } });
    expect(reasonOf(outcome)).toContain('Jenkins failed to trigger deploy (filtered out');
    expect(reasonOf(outcome)).toContain('team/notify (Exception occurred (class java.io.IOException: queue is full)');
  });

  it.each([
    ['every job is silent', (fake: FakeJenkins) => fake.silence('deploy').silence('team/notify'), 2],
    ['every job threw (the plugin answers as for silence)', (fake: FakeJenkins) => fake.breakJob('deploy').breakJob('team/notify'), 0],
  ])('delivers with a note when the plugin answers 200 with no body: %s', async (_case, arrange, builds) => {
    arrange(jenkins);
    const outcome = await send();
    expect(outcome).toMatchObject({
      status: 'delivered',
      response: { status: 200, body: '' },
      note: expect.stringContaining('empty body'),
    });
    expect(jenkins.builds).toHaveLength(builds);
  });

  it('fails when no job has the token (HTTP 404)', async () => {
    const outcome = await send({ build_token: 'no-such-token' });
    expect(outcome).toMatchObject({ status: 'failed', response: { status: 404 } });
    expect(reasonOf(outcome)).toBe(
      'Jenkins found no job whose Generic Webhook Trigger has this build_token (HTTP 404: Did not find any jobs with GenericTrigger configured! A token was supplied.)',
    );
  });

  it('fails when the URL is not the invoke endpoint (a Jenkins 404 page)', async () => {
    const outcome = await sendOnce(jenkinsChannel, {
      config: { service_url: `${jenkins.url}/job/deploy/build`, build_token: buildToken },
      event,
    });
    expect(outcome).toMatchObject({ status: 'failed', response: { status: 404 } });
    expect(reasonOf(outcome)).toContain('Jenkins has no Generic Webhook Trigger at this URL');
  });

  it('fails when the whitelist refuses the sender (HTTP 403), keeping the echoed token out of the outcome', async () => {
    jenkins.options.allowedHosts = ['10.1.2.3'];
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'failed', response: { status: 403 } });
    expect(reasonOf(outcome)).toBe(
      'Jenkins refused the sender 127.0.0.1: it did not pass the Generic Webhook Trigger whitelist (HTTP 403): Did not find a matching whitelisted host: 1) Sending host "127.0.0.1" was not matched by whitelist.',
    );
    expect(jenkins.requests[0]!.body).not.toBe('');
    expect(JSON.stringify(outcome)).not.toContain(buildToken.slice(0, 10));
    expect(outcome.response?.body).toContain('authorization=[Bearer ***]');
  });

  it.each([
    [
      'a proxy asking for authentication',
      { status: 401, body: 'Authentication required' },
      { status: 'failed' },
      'asked for authentication (HTTP 401)',
    ],
    ['Jenkins restarting, with Retry-After', jenkinsRestarting(120), { status: 'retry', retryAfterMs: 120_000 }, 'HTTP 503'],
    ['Jenkins restarting', jenkinsRestarting(), { status: 'retry' }, 'getting ready to work'],
    [
      'a proxy throttling',
      { status: 429, headers: { 'retry-after': '30' }, body: 'slow down' },
      { status: 'retry', retryAfterMs: 30_000 },
      'HTTP 429',
    ],
    [
      'a redirect to HTTPS',
      { status: 302, headers: { location: 'https://jenkins.example.com/' } },
      { status: 'failed' },
      'redirects are not followed',
    ],
    [
      'a login page answered 200',
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Sign in</html>' },
      { status: 'failed' },
      'without a jobs map',
    ],
  ])('classifies %s', async (_case, answer, expected, reasonPart) => {
    jenkins.answerNext(answer);
    const outcome = await send();
    expect(outcome).toMatchObject(expected);
    expect(reasonOf(outcome)).toContain(reasonPart);
  });

  it('retries when Jenkins cannot be reached', async () => {
    const closed = await new FakeServer().start();
    const url = `${closed.url}/generic-webhook-trigger/invoke`;
    await closed.stop();
    const outcome = await sendOnce(jenkinsChannel, { config: { service_url: url, build_token: buildToken }, event });
    expect(outcome).toMatchObject({ status: 'retry', reason: expect.stringContaining('connection failed') });
  });

  it('renders a missing value outside a string as null, so the build is triggered with valid JSON', async () => {
    const outcome = await send({ template: '{"build": ${data.missing}}' });
    expect(outcome.status).toBe('delivered');
    expect(JSON.parse(jenkins.requests[0]!.body)).toEqual({ build: null });
  });

  it("accepts CODING's example configuration as written: a text template, build_args, a trailing space in request_parameters", async () => {
    const coding = {
      build_args: '{"arg":"value"}',
      request_parameters: 'project=example&job=1 ',
      header_parameters: 'Accept: text/html',
      template: '测试模板 ${project.name}',
    };
    expect(jenkinsGenericBuildJob.parseConfig({ service_url: jenkins.invokeUrl, build_token: buildToken, ...coding })).toMatchObject({
      ok: true,
    });
    const outcome = await send(coding);
    expect(outcome.status).toBe('delivered');
    const [request] = jenkins.requests;
    expect(new URL(request!.url, jenkins.url).search).toBe('?project=example&job=1');
    expect(JSON.parse(request!.body)).toMatchObject({ type: event.type, message: '测试模板 local', arg: 'value' });
  });

  it('sendOnce throws ConfigError listing the problems', async () => {
    await expect(sendOnce(jenkinsChannel, { config: { service_url: jenkins.invokeUrl }, event })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('Jenkins answers that echo the token', () => {
  it('masks the token before the answer is excerpted, so no cut-off part of it survives', async () => {
    const echo = `${'x'.repeat(994)}authorization=[Bearer ${buildToken}]`; // the excerpt ends 8 characters into the token
    const parsed = jenkinsGenericBuildJob.parseConfig({
      service_url: 'https://jenkins.example.com/generic-webhook-trigger/invoke',
      build_token: buildToken,
    });
    if (!parsed.ok) throw new Error('invalid config');
    const outcome = await runAction(jenkinsGenericBuildJob, {
      config: parsed.config,
      message: createMessageContext({ type: 'build.failed' }),
      delivery: { id: 'dlv_echo', attempt: 1 },
      transport: scriptedTransport(textAnswer(403, echo)),
      timeoutMs: 1000,
      cache: memoryCache(),
      now: Date.now,
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.response?.body).toMatch(/authorization=\[Bearer \*\*\*\]$/);
    expect(JSON.stringify(outcome)).not.toContain(buildToken.slice(0, 8));
  });
});
