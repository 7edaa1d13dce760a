import { defineAction, defineChannel, sendHttp, type HttpTransport, type SendContext } from '@herald/channel-sdk';
import { interpretInvokeAnswer } from './jenkins.answer.js';
import { checkBuildJobConfig, JENKINS_SECRET_FIELDS, JenkinsBuildJobConfig } from './jenkins.config.js';
import { buildInvokeRequest } from './jenkins.render.js';

const HOUR = 60 * 60 * 1000;

/**
 * Jenkins is often down for a while (restarts, upgrades): keep trying for about a day (5 s
 * doubling, capped at 6 h). Generic Webhook Trigger has no rate limit of its own.
 */
const defaults = { retry: { maxAttempts: 15, initialDelayMs: 5_000, maxDelayMs: 6 * HOUR }, timeoutMs: 6_000, rateLimits: [] };

/** POSTs the event to the invoke URL; Jenkins answers with the jobs the token selected and what each did. */
async function triggerBuild(context: SendContext<JenkinsBuildJobConfig>) {
  const request = buildInvokeRequest(context);
  const transport = maskingToken(context.transport, context.config.build_token);
  return sendHttp({ ...context, transport }, request, interpretInvokeAnswer);
}

/**
 * Jenkins echoes the request headers, Authorization included, in its whitelist refusal. The token
 * is masked in every answer before it is excerpted: an excerpt cut through the token would leave
 * a part of it that the core's scrubbing of whole secret values does not catch.
 */
function maskingToken(transport: HttpTransport, token: string): HttpTransport {
  if (token.length < 4) return transport;
  return {
    async request(request) {
      const response = await transport.request(request);
      return { ...response, body: response.body.split(token).join('***') };
    },
  };
}

export const jenkinsGenericBuildJob = defineAction({
  id: 'jenkins_generic_build_job',
  displayName: 'Jenkins build (Generic Webhook Trigger)',
  displayNameZh: '触发 Jenkins 构建（Generic Webhook Trigger）',
  description: 'Trigger the Jenkins jobs whose Generic Webhook Trigger has this token, with the event as the JSON body.',
  descriptionZh: '触发 Generic Webhook Trigger 令牌（token）为此值的 Jenkins 任务，以事件为 JSON 请求体。',
  config: JenkinsBuildJobConfig,
  secretFields: JENKINS_SECRET_FIELDS,
  defaults,
  check: checkBuildJobConfig,
  send: triggerBuild,
});

export const jenkinsChannel = defineChannel({
  id: 'jenkins',
  displayName: 'Jenkins',
  displayNameZh: 'Jenkins',
  actions: [jenkinsGenericBuildJob],
});
