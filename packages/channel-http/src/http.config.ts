import {
  IsHeaderLines,
  IsHttpUrl,
  IsTemplate,
  JSONSchema,
  looksLikeJsonTemplate,
  renderJsonTemplate,
  sampleMessageContext,
  type ConfigIssue,
} from '@herald/channel-sdk';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from '@herald/channel-sdk';

/** The JSON shapes a POST without a template can take (see http.envelope.ts). */
export const ENVELOPE_NAMES = ['herald', 'feishu_project', 'weiyu', 'cloudevents'] as const;

const STANDARD_WEBHOOKS_SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;
const SECRET_MESSAGE = 'must be a Standard Webhooks secret: "whsec_" followed by 24 to 64 random bytes in base64';

/** The parameters of the seeds' HTTP webhook table, shared by POST and GET. */
export class HttpWebhookConfig {
  @JSONSchema({ description: 'The endpoint to call.', format: 'uri', 'x-description-zh': '要调用的地址。' })
  @IsHttpUrl()
  service_url: string;

  @JSONSchema({
    description: 'Signs each request: X-Herald-Signature: sha1=<hex of HMAC-SHA1(token, body)>.',
    'x-description-zh': '为每个请求签名：X-Herald-Signature: sha1=<HMAC-SHA1(token, 请求体) 的十六进制>。',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  token?: string;

  @JSONSchema({ description: 'HTTP Basic user name.', 'x-description-zh': 'HTTP Basic 认证的用户名。' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  username?: string;

  @JSONSchema({ description: 'HTTP Basic password.', 'x-description-zh': 'HTTP Basic 认证的密码。' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  password?: string;

  @JSONSchema({ description: 'Extra headers, one "Name: value" a line.', 'x-description-zh': '附加的请求头，每行一个「名称: 值」。' })
  @IsOptional()
  @IsHeaderLines()
  @MaxLength(8192)
  headers?: string;

  @JSONSchema({
    description:
      'The shape of the POST body when no template is set: herald (the default), feishu_project ({header: {operator, event_type, token, uuid}, payload}), weiyu ({event_type, timestamp, data}) or cloudevents (CloudEvents 1.0, structured).',
    enum: [...ENVELOPE_NAMES],
    default: 'herald',
    'x-description-zh':
      '未设置模板时 POST 请求体的格式：herald（默认）、feishu_project（{header: {operator, event_type, token, uuid}, payload}）、weiyu（{event_type, timestamp, data}）或 cloudevents（CloudEvents 1.0，structured 模式）。',
  })
  @IsOptional()
  @IsIn(ENVELOPE_NAMES, { message: `envelope must be one of ${ENVELOPE_NAMES.join(', ')}` })
  envelope?: (typeof ENVELOPE_NAMES)[number];

  @JSONSchema({
    description:
      'The body (POST) or query string (GET) to send instead of the envelope; ${path} placeholders. A body starting with { or [ is JSON: values are escaped, objects inserted whole.',
    'x-description-zh':
      '代替默认消息体发送的请求体（POST）或查询字符串（GET），可用 ${path} 占位符。以 { 或 [ 开头的请求体按 JSON 处理：值会被转义，对象整体插入。',
  })
  @IsOptional()
  @IsTemplate()
  @MaxLength(65536)
  template?: string;

  @JSONSchema({
    description: 'Standard Webhooks secret (whsec_…); adds webhook-signature.',
    'x-description-zh': 'Standard Webhooks 密钥（whsec_…）；会加上 webhook-signature 签名头。',
  })
  @IsOptional()
  @Matches(STANDARD_WEBHOOKS_SECRET, { message: `webhook_secret ${SECRET_MESSAGE}` })
  webhook_secret?: string;

  @JSONSchema({
    description: 'The secret being rotated out; signed with as well until previous_webhook_secret_expires_at.',
    'x-description-zh': '正在轮换下线的旧密钥；在 previous_webhook_secret_expires_at 之前也会用它签名。',
  })
  @IsOptional()
  @Matches(STANDARD_WEBHOOKS_SECRET, { message: `previous_webhook_secret ${SECRET_MESSAGE}` })
  previous_webhook_secret?: string;

  @JSONSchema({
    description: 'When the previous secret stops being used (ISO 8601).',
    'x-description-zh': '旧密钥停止使用的时间（ISO 8601）。',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'previous_webhook_secret_expires_at must be an ISO 8601 date-time' })
  previous_webhook_secret_expires_at?: string;
}

export const HTTP_SECRET_FIELDS = ['token', 'password', 'webhook_secret', 'previous_webhook_secret'] as const;

/** A JSON template must render to JSON (with a sample event); an envelope applies only without a template. */
export function checkPostConfig(config: HttpWebhookConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.template && config.envelope && config.envelope !== 'herald') {
    issues.push({ field: 'envelope', message: 'envelope shapes the body only when there is no template; remove one of them' });
  }
  if (config.template && looksLikeJsonTemplate(config.template)) {
    try {
      JSON.parse(renderJsonTemplate(config.template, sampleMessageContext()));
    } catch (error) {
      issues.push({
        field: 'template',
        message: `template starts like JSON but renders invalid JSON with a sample event: ${(error as Error).message}`,
      });
    }
  }
  return issues;
}

/** GET carries the event as query parameters; it has no body to shape. */
export function checkGetConfig(config: HttpWebhookConfig): ConfigIssue[] {
  if (!config.envelope || config.envelope === 'herald') return [];
  return [{ field: 'envelope', message: 'envelope applies to webhook_http_post; webhook_http_get carries the event as query parameters' }];
}
