export {
  SPECIFICATION_VERSION,
  DEFAULT_RETRY_POLICY,
  DEFAULT_ACTION_TIMEOUT_MS,
  defineAction,
  defineChannel,
  channelProviderProblem,
  isChannelProvider,
  type ActionDefaults,
  type ActionDefinition,
  type ChannelAction,
  type ChannelProvider,
  type RateLimit,
  type RetryPolicy,
  type SendContext,
} from './channel-provider.js';
export {
  cachedAccessToken,
  requestAccessToken,
  secretFingerprint,
  sendWithAccessToken,
  tokenCacheTtlMs,
  type AccessTokenGrant,
  type AccessTokenSource,
  type TokenAttempt,
  type TokenEndpoint,
} from './access-token.js';
export { ChannelOptionsError, configureChannel, type ChannelOptions } from './configure-channel.js';
export {
  customizeTemplateIssues,
  renderCustomizeBody,
  renderCustomizeTemplate,
  renderCustomizeText,
  type CustomizeBodyResult,
  type CustomizeBodyRules,
} from './customize-body.js';
export { EVENT_ENVELOPE_FIELDS, eventEnvelope } from './event-envelope.js';
export { configClassToSchema, parseWithClass, type ConfigIssue, type ConfigParseResult, type JsonSchema } from './config-schema.js';
export { IsHeaderLines, IsHttpUrl, IsJsonText, IsTemplate, ValidateString, httpUrlProblem } from './config-validators.js';
export {
  DeliveryFailure,
  delivered,
  failed,
  isDeliveryOutcome,
  retryLater,
  type Delivered,
  type DeliveryOutcome,
  type Failed,
  type RequestSummary,
  type ResponseSummary,
  type RetryLater,
} from './delivery-outcome.js';
export { summarizeEvent, type EventSummary } from './event-summary.js';
export { HeaderLinesError, headerLinesProblem, headerLinesToRecord, parseHeaderLines, type HeaderLine } from './header-lines.js';
export { fitJsonBody, renderJsonObject } from './json-body.js';
export { classifyHttpAnswer, isRetryableStatus, parseJsonBody, parseRetryAfter } from './http-answer.js';
export {
  DEFAULT_TIMEOUT_MS,
  MAX_RESPONSE_BYTES,
  TransportError,
  fetchTransport,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from './http-transport.js';
export { nodeHttpTransport } from './node-http-transport.js';
export { createMessageContext, sampleMessageContext, type HeraldEvent, type MessageContext, type MessageInput } from './message-context.js';
export { excerpt, redactHeaders, redactUrl, scrubSecrets, truncateChars, truncateUtf8 } from './redaction.js';
export { outcomeFromError, runAction, secretValues } from './run-action.js';
export { RESPONSE_EXCERPT_CHARS, sendHttp, summarizeRequest } from './send-http.js';
export { ConfigError, sendOnce, type SendOnceOptions } from './send-once.js';
export { memoryCache, type SharedCache } from './shared-cache.js';
export { constantTimeEqual, hmacBase64, hmacHex, type HmacAlgorithm } from './signing.js';
export {
  TemplateSyntaxError,
  jsonStringEscape,
  looksLikeJsonTemplate,
  parseTemplate,
  renderJsonTemplate,
  renderTemplate,
  templateSyntaxProblem,
  type CompiledTemplate,
} from './template.js';
export {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  JSONSchema,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from './config-decorators.js';
