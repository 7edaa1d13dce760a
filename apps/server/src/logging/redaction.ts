/**
 * What must never reach a log: API keys, bearer tokens and the tokens platforms put in webhook
 * URLs (DingTalk `access_token=`, WeCom `key=`, Feishu `/hook/<token>`, Slack `/services/…`,
 * Discord `/webhooks/<id>/<token>`, Herald's own `/v1/ingest/<adapter>/<token>`).
 */
export const REDACTED = '[REDACTED]';

const SECRET_QUERY_PARAMETERS = new Set([
  'access_token',
  'token',
  'key',
  'api_key',
  'apikey',
  'sign',
  'signature',
  'secret',
  'password',
  'code',
  'build_token',
]);

/** Path segments that follow these markers are tokens. */
const TOKEN_PATHS: RegExp[] = [
  /(\/bot\/v2\/hook\/)[^/?#\s]+/g, // Feishu / Lark group bots
  /(\/webhooks\/\d+\/)[^/?#\s]+/g, // Discord
  /(\/services\/)[^?#\s]+/g, // Slack incoming webhooks
  /(\/v1\/ingest\/[^/?#\s]+\/)[^/?#\s]+/g, // Herald's ingest URLs
  /(\/generic-webhook-trigger\/invoke\/)[^/?#\s]+/g,
];

const API_KEYS = /\b(hka|hkp|hrk)_[A-Za-z0-9_-]{6,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi;
const QUERY_PARAMETER = /([?&])([^=&#\s]+)=([^&#\s]*)/g;
const USER_INFO = /^(\w+:\/\/)[^/@\s]+@/;

/** A URL or request path with its token-bearing parts replaced. */
export function redactUrl(url: string): string {
  let result = url.replace(USER_INFO, `$1${REDACTED}@`);
  for (const pattern of TOKEN_PATHS) result = result.replace(pattern, `$1${REDACTED}`);
  return result.replace(QUERY_PARAMETER, (whole, separator: string, name: string) =>
    SECRET_QUERY_PARAMETERS.has(name.toLowerCase()) ? `${separator}${name}=${REDACTED}` : whole,
  );
}

/** Free text (a log message, an error) with URLs, bearer credentials and API keys redacted. */
export function redactText(text: string): string {
  if (!text) return text;
  return text
    .replace(URL_IN_TEXT, (url) => redactUrl(url))
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(API_KEYS, `$1_${REDACTED}`);
}

/** Structured fields pino removes wherever they appear (one level deep). */
export const REDACTED_PATHS = [
  'authorization',
  'password',
  'secret',
  'token',
  'access_token',
  'api_key',
  'sign',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.access_token',
  '*.api_key',
  '*.sign',
];
