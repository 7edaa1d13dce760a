import { IsHeaderLines, IsHttpUrl, IsTemplate, JSONSchema } from '@herald/channel-sdk';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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

  @JSONSchema({ description: 'The body (POST) or query string (GET) to send instead of the event envelope; ${path} placeholders.' })
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
