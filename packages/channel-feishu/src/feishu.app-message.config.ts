import { IsHttpUrl, IsTemplate, JSONSchema, type ConfigIssue } from '@herald/channel-sdk';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from '@herald/channel-sdk';

export const RECEIVE_ID_TYPES = ['open_id', 'user_id', 'union_id', 'email', 'chat_id'] as const;
export type ReceiveIdType = (typeof RECEIVE_ID_TYPES)[number];
export const APP_MSG_TYPES = ['text', 'post', 'interactive'] as const;
export type AppMsgType = (typeof APP_MSG_TYPES)[number];

export const DEFAULT_FEISHU_API_BASE_URL = 'https://open.feishu.cn';
/** One message per receiver: a delivery makes this many calls at most. */
export const MAX_RECEIVE_IDS = 50;

/** What each id type looks like (Feishu: open_id ou_…, union_id on_…, chat_id oc_…). */
const RECEIVE_ID_SHAPES: Record<ReceiveIdType, { pattern: RegExp; example: string }> = {
  open_id: { pattern: /^ou_[A-Za-z0-9]{1,64}$/, example: 'ou_7d8a6e6df7621556ce0d21922b676706' },
  union_id: { pattern: /^on_[A-Za-z0-9]{1,64}$/, example: 'on_94a1ee5551019f18cd73d9f111898cf2' },
  chat_id: { pattern: /^oc_[A-Za-z0-9]{1,64}$/, example: 'oc_a0553eda9014c201e6969b478895c230' },
  user_id: { pattern: /^[A-Za-z0-9_-]{1,64}$/, example: 'e9f6b6c1' },
  email: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, example: 'zhangsan@example.com' },
};

/** A message from a Feishu / Lark app (自建应用) to people or chats: app credentials and receivers. */
export class FeishuAppMessageConfig {
  @JSONSchema({
    description: 'The App ID of the self-built app (凭证与基础信息), such as cli_a1b2c3d4e5f6g7h8.',
    'x-description-zh': '企业自建应用的 App ID（在「凭证与基础信息」中），例如 cli_a1b2c3d4e5f6g7h8。',
  })
  @Matches(/^cli_[A-Za-z0-9]{1,64}$/, { message: 'app_id must be the App ID of the app: cli_ followed by letters and digits' })
  app_id: string;

  @JSONSchema({ description: 'The App Secret of the app (secret).', 'x-description-zh': '该应用的 App Secret（保密）。' })
  @IsString({ message: 'app_secret must be a string: the App Secret of the app' })
  @IsNotEmpty({ message: 'app_secret must not be empty: it is the App Secret of the app' })
  @MaxLength(256, { message: 'app_secret must be at most 256 characters' })
  app_secret: string;

  @JSONSchema({
    description: 'What receive_ids are: open_id (ou_…), user_id, union_id (on_…), email, or chat_id (oc_…) for a group the app is in.',
    enum: [...RECEIVE_ID_TYPES],
    default: 'open_id',
    'x-description-zh': 'receive_ids 的类型：open_id（ou_…）、user_id、union_id（on_…）、email，或应用所在群的 chat_id（oc_…）。',
  })
  @IsOptional()
  @IsIn(RECEIVE_ID_TYPES, { message: `receive_id_type must be one of ${RECEIVE_ID_TYPES.join(', ')}` })
  receive_id_type: ReceiveIdType = 'open_id';

  @JSONSchema({
    description: `The receivers, each sent its own message (1 to ${MAX_RECEIVE_IDS}), all of receive_id_type.`,
    'x-description-zh': `接收者，每人单独收到一条消息（1 至 ${MAX_RECEIVE_IDS} 个），类型都为 receive_id_type。`,
  })
  @IsArray({ message: 'receive_ids must be an array of ids, such as ["ou_7d8a6e6df7621556ce0d21922b676706"]' })
  @ArrayMinSize(1, { message: 'receive_ids must name at least one receiver' })
  @ArrayMaxSize(MAX_RECEIVE_IDS, { message: `receive_ids must name at most ${MAX_RECEIVE_IDS} receivers` })
  @IsString({ each: true, message: 'receive_ids must contain strings only' })
  receive_ids: string[];

  @JSONSchema({
    description: 'text (the default), post (rich text with the event as its title) or interactive (a card with lark_md markdown).',
    enum: [...APP_MSG_TYPES],
    default: 'text',
    'x-description-zh': 'text（文本，默认）、post（富文本，以事件为标题）或 interactive（消息卡片，使用 lark_md 格式的 Markdown）。',
  })
  @IsOptional()
  @IsIn(APP_MSG_TYPES, { message: `msg_type must be one of ${APP_MSG_TYPES.join(', ')}` })
  msg_type: AppMsgType = 'text';

  @JSONSchema({
    description: 'The text (text, post) or card markdown (interactive), with ${path} placeholders; a default rendering when empty.',
    'x-description-zh': '文本（text、post）或卡片 Markdown（interactive），可用 ${path} 占位符；留空则使用默认格式。',
  })
  @IsOptional()
  @IsTemplate()
  @MaxLength(20_000, { message: 'template must be at most 20000 characters' })
  template?: string;

  @JSONSchema({
    description: `The Open Platform origin: ${DEFAULT_FEISHU_API_BASE_URL} (default), https://open.larksuite.com for Lark, or a proxy.`,
    format: 'uri',
    'x-description-zh': `开放平台地址：${DEFAULT_FEISHU_API_BASE_URL}（默认），Lark 用 https://open.larksuite.com，也可填代理地址。`,
  })
  @IsOptional()
  @IsHttpUrl()
  api_base_url?: string;
}

export const FEISHU_APP_SECRET_FIELDS = ['app_secret'] as const;

/** Save-time checks beyond the decorators: every id has the shape of its type, the base URL takes paths. */
export function feishuAppConfigIssues(config: FeishuAppMessageConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const shape = RECEIVE_ID_SHAPES[config.receive_id_type];
  const wrong = config.receive_ids.filter((id) => !shape.pattern.test(id));
  if (wrong.length > 0) {
    issues.push({
      field: 'receive_ids',
      message: `receive_ids must all be ${config.receive_id_type} values, such as ${shape.example}; not: ${wrong.slice(0, 3).join(', ')}`,
    });
  }
  if (new Set(config.receive_ids).size !== config.receive_ids.length) {
    issues.push({ field: 'receive_ids', message: 'receive_ids must not repeat an id: each receiver gets one message' });
  }
  const base = config.api_base_url ? new URL(config.api_base_url) : undefined;
  if (base && (base.search || base.hash)) {
    issues.push({ field: 'api_base_url', message: 'api_base_url must not carry a query string or fragment: paths are appended to it' });
  }
  return issues;
}

/** A URL of the Open Platform API under the configured origin. */
export function feishuApiUrl(config: Pick<FeishuAppMessageConfig, 'api_base_url'>, path: string): string {
  return `${(config.api_base_url ?? DEFAULT_FEISHU_API_BASE_URL).replace(/\/+$/, '')}${path}`;
}
