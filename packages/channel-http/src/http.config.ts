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
  @JSONSchema({ description: 'The endpoint to call.', format: 'uri' })
  @IsHttpUrl()
  service_url: string;

  @JSONSchema({ description: 'Signs each request: X-Herald-Signature: sha1=<hex of HMAC-SHA1(token, body)>.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  token?: string;

  @JSONSchema({ description: 'HTTP Basic user name.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  username?: string;

  @JSONSchema({ description: 'HTTP Basic password.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  password?: string;

  @JSONSchema({ description: 'Extra headers, one "Name: value" a line.' })
  @IsOptional()
  @IsHeaderLines()
  @MaxLength(8192)
  headers?: string;

  @JSONSchema({
    description:
      'The shape of the POST body when no template is set: herald (the default), feishu_project ({header: {operator, event_type, token, uuid}, payload}), weiyu ({event_type, timestamp, data}) or cloudevents (CloudEvents 1.0, structured).',
    enum: [...ENVELOPE_NAMES],
    default: 'herald',
  })
  @IsOptional()
  @IsIn(ENVELOPE_NAMES, { message: `envelope must be one of ${ENVELOPE_NAMES.join(', ')}` })
  envelope?: (typeof ENVELOPE_NAMES)[number];

  @JSONSchema({
    description:
      'The body (POST) or query string (GET) to send instead of the envelope; ${path} placeholders. A body starting with { or [ is JSON: values are escaped, objects inserted whole.',
  })
  @IsOptional()
  @IsTemplate()
  @MaxLength(65536)
  template?: string;

  @JSONSchema({ description: 'Standard Webhooks secret (whsec_…); adds webhook-signature.' })
  @IsOptional()
  @Matches(STANDARD_WEBHOOKS_SECRET, { message: `webhook_secret ${SECRET_MESSAGE}` })
  webhook_secret?: string;

  @JSONSchema({ description: 'The secret being rotated out; signed with as well until previous_webhook_secret_expires_at.' })
  @IsOptional()
  @Matches(STANDARD_WEBHOOKS_SECRET, { message: `previous_webhook_secret ${SECRET_MESSAGE}` })
  previous_webhook_secret?: string;

  @JSONSchema({ description: 'When the previous secret stops being used (ISO 8601).' })
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
