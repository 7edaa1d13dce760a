import { IsHttpUrl, IsTemplate, JSONSchema, type ConfigIssue } from '@herald/channel-sdk';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from '@herald/channel-sdk';

export const NOTICE_MSG_TYPES = ['text', 'markdown'] as const;
export type NoticeMsgType = (typeof NOTICE_MSG_TYPES)[number];

export const DEFAULT_DINGTALK_API_BASE_URL = 'https://oapi.dingtalk.com';
/** asyncsend_v2 takes at most 100 user ids and 20 department ids per call. */
export const MAX_USER_IDS = 100;
export const MAX_DEPT_IDS = 20;

const USER_ID_LIST = /^[^\s,]{1,64}(,[^\s,]{1,64})*$/;
const DEPT_ID_LIST = /^\d{1,20}(,\d{1,20})*$/;

/** A work notification (工作通知) from a DingTalk internal app to people, departments or everyone. */
export class DingTalkWorkNoticeConfig {
  @JSONSchema({
    description: 'The AppKey (Client ID) of the internal app, such as dingj5szxfnmcjdp0a1b.',
    'x-description-zh': '企业内部应用的 AppKey（Client ID），例如 dingj5szxfnmcjdp0a1b。',
  })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'app_key must be the AppKey of the app: letters, digits, _ and -' })
  app_key: string;

  @JSONSchema({
    description: 'The AppSecret (Client Secret) of the app (secret).',
    'x-description-zh': '该应用的 AppSecret（Client Secret，保密）。',
  })
  @IsString({ message: 'app_secret must be a string: the AppSecret of the app' })
  @IsNotEmpty({ message: 'app_secret must not be empty: it is the AppSecret of the app' })
  @MaxLength(256, { message: 'app_secret must be at most 256 characters' })
  app_secret: string;

  @JSONSchema({
    description: 'The AgentId of the app (an integer, 应用信息 → AgentId).',
    'x-description-zh': '该应用的 AgentId（整数，在「应用信息」→ AgentId 中）。',
  })
  @IsInt({ message: 'agent_id must be an integer: the AgentId of the app' })
  @Min(1, { message: 'agent_id must be a positive integer: the AgentId of the app' })
  agent_id: number;

  @JSONSchema({
    description: `User ids separated by commas, at most ${MAX_USER_IDS}, such as manager4220,zhangsan.`,
    'x-description-zh': `接收人的 userid，用逗号分隔，最多 ${MAX_USER_IDS} 个，例如 manager4220,zhangsan。`,
  })
  @IsOptional()
  @Matches(USER_ID_LIST, { message: 'userid_list must be user ids separated by commas, without spaces, such as manager4220,zhangsan' })
  userid_list?: string;

  @JSONSchema({
    description: `Department ids separated by commas, at most ${MAX_DEPT_IDS}: everyone in them gets the notice.`,
    'x-description-zh': `接收部门的 ID，用逗号分隔，最多 ${MAX_DEPT_IDS} 个：部门内所有人都会收到这条工作通知。`,
  })
  @IsOptional()
  @Matches(DEPT_ID_LIST, { message: 'dept_id_list must be department ids (digits) separated by commas, such as 123,456' })
  dept_id_list?: string;

  @JSONSchema({
    description: 'Send to everyone in the organisation (DingTalk allows 3 such notices a day); then leave the lists out.',
    'x-description-zh': '发送给企业全员（钉钉每天只允许 3 条这样的工作通知）；选中后不要再填用户和部门列表。',
  })
  @IsOptional()
  @IsBoolean({ message: 'to_all_user must be true or false' })
  to_all_user?: boolean;

  @JSONSchema({
    description: 'markdown (the default; the event type is its title) or text.',
    enum: [...NOTICE_MSG_TYPES],
    default: 'markdown',
    'x-description-zh': 'markdown（默认，以事件类型为标题）或 text（文本）。',
  })
  @IsOptional()
  @IsIn(NOTICE_MSG_TYPES, { message: `msg_type must be one of ${NOTICE_MSG_TYPES.join(', ')}` })
  msg_type: NoticeMsgType = 'markdown';

  @JSONSchema({
    description:
      'The text or markdown, with ${path} placeholders; a default rendering when empty. DingTalk delivers the same content to the same person once a day: keep something that changes (the default shows the event id).',
    'x-description-zh':
      '文本或 Markdown，可用 ${path} 占位符；留空则使用默认格式。钉钉对同一个人每天只送达一次相同内容：请保留会变化的部分（默认格式含事件 ID）。',
  })
  @IsOptional()
  @IsTemplate()
  @MaxLength(5_000, { message: 'template must be at most 5000 characters: DingTalk takes contents up to 5000' })
  template?: string;

  @JSONSchema({
    description: `The API origin, for proxies: ${DEFAULT_DINGTALK_API_BASE_URL} by default.`,
    format: 'uri',
    'x-description-zh': `接口地址，用于代理：默认 ${DEFAULT_DINGTALK_API_BASE_URL}。`,
  })
  @IsOptional()
  @IsHttpUrl()
  api_base_url?: string;
}

export const WORK_NOTICE_SECRET_FIELDS = ['app_secret'] as const;

/** Save-time checks beyond the decorators: whom to send to, the list limits, the base URL. */
export function workNoticeConfigIssues(config: DingTalkWorkNoticeConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const lists = Boolean(config.userid_list) || Boolean(config.dept_id_list);
  if (!lists && !config.to_all_user) {
    issues.push({ field: 'userid_list', message: 'userid_list, dept_id_list or to_all_user must say who receives the notice' });
  }
  if (lists && config.to_all_user) {
    issues.push({
      field: 'to_all_user',
      message: 'to_all_user sends to everyone: leave userid_list and dept_id_list out, or set it to false',
    });
  }
  if ((config.userid_list?.split(',').length ?? 0) > MAX_USER_IDS) {
    issues.push({ field: 'userid_list', message: `userid_list must list at most ${MAX_USER_IDS} user ids` });
  }
  if ((config.dept_id_list?.split(',').length ?? 0) > MAX_DEPT_IDS) {
    issues.push({ field: 'dept_id_list', message: `dept_id_list must list at most ${MAX_DEPT_IDS} department ids` });
  }
  const base = config.api_base_url ? new URL(config.api_base_url) : undefined;
  if (base && (base.search || base.hash)) {
    issues.push({ field: 'api_base_url', message: 'api_base_url must not carry a query string or fragment: paths are appended to it' });
  }
  return issues;
}

export function dingtalkApiUrl(
  config: Pick<DingTalkWorkNoticeConfig, 'api_base_url'>,
  path: string,
  query: Record<string, string>,
): string {
  const base = (config.api_base_url ?? DEFAULT_DINGTALK_API_BASE_URL).replace(/\/+$/, '');
  return `${base}${path}?${new URLSearchParams(query).toString()}`;
}
