import { defineAction, defineChannel, sendHttp, type SendContext } from '@herald/channel-sdk';
import { interpretWebhookAnswer } from './http.answer.js';
import { checkGetConfig, checkPostConfig, HTTP_SECRET_FIELDS, HttpWebhookConfig } from './http.config.js';
import { renderGetQuery, renderPostBody, requestHeaders } from './http.render.js';

const HOUR = 60 * 60 * 1000;

/** Endpoints are often down for a while: keep trying for about a day (5 s doubling, capped at 6 h). */
const defaults = { retry: { maxAttempts: 15, initialDelayMs: 5_000, maxDelayMs: 6 * HOUR }, timeoutMs: 6_000 };

async function post(context: SendContext<HttpWebhookConfig>) {
  const { body, contentType } = renderPostBody(context);
  const headers = requestHeaders(context, body, contentType);
  return sendHttp(context, { method: 'POST', url: context.config.service_url, headers, body }, interpretWebhookAnswer);
}

/** GET signs the query string it adds, since there is no body. */
async function get(context: SendContext<HttpWebhookConfig>) {
  const query = renderGetQuery(context);
  const url = new URL(context.config.service_url);
  url.search = [url.search.slice(1), query].filter(Boolean).join('&');
  const headers = requestHeaders(context, query);
  return sendHttp(context, { method: 'GET', url: url.toString(), headers }, interpretWebhookAnswer);
}

export const webhookHttpPost = defineAction({
  id: 'webhook_http_post',
  displayName: 'HTTP POST',
  displayNameZh: '发送 Webhook 请求（POST）',
  description: 'POST the event (in the envelope of your choice, or as the rendered template) to any URL, signed.',
  descriptionZh: '把事件（用你选择的信封格式，或渲染后的模板）以 POST 请求发送到任意地址，并按配置签名。',
  config: HttpWebhookConfig,
  secretFields: HTTP_SECRET_FIELDS,
  defaults,
  check: checkPostConfig,
  send: post,
});

export const webhookHttpGet = defineAction({
  id: 'webhook_http_get',
  displayName: 'HTTP GET',
  displayNameZh: '发送 Webhook 请求（GET）',
  description: 'GET a URL with the event as query parameters (or the rendered template as the query string).',
  descriptionZh: '以 GET 请求访问一个地址，事件作为查询参数（或以渲染后的模板作为查询字符串）。',
  config: HttpWebhookConfig,
  secretFields: HTTP_SECRET_FIELDS,
  defaults,
  check: checkGetConfig,
  send: get,
});

export const httpChannel = defineChannel({
  id: 'http',
  displayName: 'HTTP webhook',
  displayNameZh: 'HTTP Webhook',
  actions: [webhookHttpPost, webhookHttpGet],
});
