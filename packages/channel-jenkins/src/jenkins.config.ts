import {
  EVENT_ENVELOPE_FIELDS,
  IsHeaderLines,
  IsHttpUrl,
  IsJsonText,
  IsTemplate,
  JSONSchema,
  parseHeaderLines,
  sampleMessageContext,
  type ConfigIssue,
} from '@herald/channel-sdk';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from '@herald/channel-sdk';
import { isJsonObject, renderTemplateObject } from './jenkins.template.js';

/** Optional text: absent, null and "" (an emptied form field) all mean "not set". */
const IsOptionalText = () => ValidateIf((_config, value) => value !== undefined && value !== null && value !== '');

/** Printable ASCII with no space at either end: the token travels in the Authorization header. */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** The parameters of the seeds' Jenkins table: a Generic Webhook Trigger invocation. */
export class JenkinsBuildJobConfig {
  @JSONSchema({
    description: 'The Generic Webhook Trigger invoke URL, such as https://jenkins.example.com/generic-webhook-trigger/invoke.',
    format: 'uri',
    'x-description-zh': 'Generic Webhook Trigger 插件的调用地址，例如 https://jenkins.example.com/generic-webhook-trigger/invoke。',
  })
  @IsHttpUrl()
  @MaxLength(2048)
  service_url: string;

  @JSONSchema({
    description: "The token of the job's Generic Webhook Trigger; sent as Authorization: Bearer <token>.",
    'x-description-zh': '任务中 Generic Webhook Trigger 设置的 Token；以 Authorization: Bearer <token> 发送。',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  @Matches(HEADER_SAFE_TOKEN, {
    message: 'build_token must be printable ASCII without spaces at either end (it is sent in the Authorization header)',
  })
  build_token: string;

  @JSONSchema({
    description: 'A JSON object merged into the request body at top level, for the job\'s JSONPath variables (e.g. {"DEPLOY_ENV":"prod"}).',
    'x-description-zh': '一个 JSON 对象，合并到请求体的顶层，供任务的 JSONPath 变量读取（例如 {"DEPLOY_ENV":"prod"}）。',
  })
  @IsOptionalText()
  @IsJsonText()
  @MaxLength(65536)
  build_args?: string;

  @JSONSchema({
    description: 'Query parameters added to service_url, as a=b&c=d (for genericRequestVariables, or jobQuietPeriod).',
    'x-description-zh': '追加到调用地址上的查询参数，写成 a=b&c=d（用于 genericRequestVariables 或 jobQuietPeriod）。',
  })
  @IsOptionalText()
  @IsString()
  @MaxLength(4096)
  request_parameters?: string;

  @JSONSchema({
    description: 'Extra headers, one "Name: value" a line (for genericHeaderVariables, or gwt-dry-run: true).',
    'x-description-zh': '附加的请求头，每行一个「名称: 值」（用于 genericHeaderVariables，或 gwt-dry-run: true）。',
  })
  @IsOptionalText()
  @IsHeaderLines()
  @MaxLength(8192)
  header_parameters?: string;

  @JSONSchema({
    description:
      "A JSON object to send instead of the event envelope (${path} values JSON-escaped, objects inserted whole), or a text sent as the envelope's message field.",
    'x-description-zh':
      '代替事件消息体发送的 JSON 对象（${path} 的值会做 JSON 转义，对象整体插入），或一段文字，作为消息体的 message 字段发送。',
  })
  @IsOptionalText()
  @IsTemplate()
  @MaxLength(65536)
  template?: string;
}

export const JENKINS_SECRET_FIELDS = ['build_token'] as const;

/**
 * Generic Webhook Trigger takes the token from the first of: a `token` query parameter, a `token`
 * header, `Authorization: Bearer`. A token anywhere else would silently replace build_token.
 */
const TOKEN_ELSEWHERE = 'Generic Webhook Trigger would read it before the Authorization header; put the token in build_token';
const HEADERS_SET_BY_HERALD = new Set(['content-type', 'x-herald-event', 'x-herald-delivery']);

/** The checks decorators cannot express, run when a subscription is saved. */
export function checkBuildJobConfig(config: JenkinsBuildJobConfig): ConfigIssue[] {
  const problems: Array<[keyof JenkinsBuildJobConfig, string | undefined]> = [
    ['service_url', serviceUrlProblem(config.service_url)],
    ['request_parameters', config.request_parameters?.trim() ? requestParametersProblem(config.request_parameters) : undefined],
    ['header_parameters', headerParametersProblem(config.header_parameters)],
    ['build_args', config.build_args ? buildArgsProblem(config.build_args, bodyFields(config)) : undefined],
    ['template', config.template ? templateProblem(config.template) : undefined],
  ];
  return problems
    .filter((entry): entry is [keyof JenkinsBuildJobConfig, string] => entry[1] !== undefined)
    .map(([field, problem]) => ({ field, message: `${field} ${problem}` }));
}

function serviceUrlProblem(serviceUrl: string): string | undefined {
  const url = new URL(serviceUrl);
  if (url.username || url.password) return 'must not carry user:password@; Generic Webhook Trigger authenticates by build_token';
  if (url.searchParams.has('token')) return `must not contain a token query parameter: ${TOKEN_ELSEWHERE}`;
  return undefined;
}

/** `a=b&c=d`: each part a name, "=", and a value; %-escapes well formed; no token. */
export function requestParametersProblem(text: string): string | undefined {
  // Spaces around the whole are dropped (CODING's own example carries a trailing one); inside, they are refused.
  for (const [index, part] of text.trim().split('&').entries()) {
    if (!/^[^=\s#?]+=[^\s#]*$/.test(part)) return `part ${index + 1} ("${part.slice(0, 40)}") is not name=value, as in a=b&c=d`;
    let name: string;
    try {
      name = decodeURIComponent(part.slice(0, part.indexOf('=')).replace(/\+/g, ' '));
      decodeURIComponent(part.slice(part.indexOf('=') + 1).replace(/\+/g, ' '));
    } catch {
      return `part ${index + 1} ("${part.slice(0, 40)}") has a malformed %-escape`;
    }
    if (name === 'token') return `must not contain token: ${TOKEN_ELSEWHERE}`;
  }
  return undefined;
}

function headerParametersProblem(text: string | undefined): string | undefined {
  for (const { name } of parseHeaderLines(text)) {
    const lowerCase = name.toLowerCase();
    if (lowerCase === 'token') return `must not set ${name}: ${TOKEN_ELSEWHERE}`;
    if (lowerCase === 'authorization') return `must not set ${name}: Herald sends build_token in it`;
    if (HEADERS_SET_BY_HERALD.has(lowerCase)) return `must not set ${name}: Herald sets it`;
  }
  return undefined;
}

function buildArgsProblem(buildArgs: string, bodyFields: readonly string[]): string | undefined {
  const value: unknown = JSON.parse(buildArgs);
  if (!isJsonObject(value)) return 'must be a JSON object, such as {"DEPLOY_ENV":"prod"}';
  const clashes = Object.keys(value).filter((key) => bodyFields.includes(key));
  if (clashes.length > 0) return `must not redefine fields of the body (${clashes.join(', ')}); use other names`;
  return undefined;
}

/** The top-level fields build_args is merged beside: the envelope's, or the sample rendering's of the template. */
function bodyFields(config: JenkinsBuildJobConfig): readonly string[] {
  if (!config.template) return EVENT_ENVELOPE_FIELDS;
  const rendered = renderTemplateObject(config.template, sampleMessageContext());
  return 'problem' in rendered ? [] : Object.keys(rendered.value);
}

function templateProblem(template: string): string | undefined {
  const rendered = renderTemplateObject(template, sampleMessageContext());
  return 'problem' in rendered ? `${rendered.problem} with a sample event` : undefined;
}
