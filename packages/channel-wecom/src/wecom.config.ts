import {
  customizeTemplateIssues,
  httpUrlProblem,
  IsHttpUrl,
  IsTemplate,
  JSONSchema,
  type ConfigIssue,
  type CustomizeBodyRules,
  ValidateString,
} from '@herald/channel-sdk';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from '@herald/channel-sdk';

export const ROBOT_MSG_TYPES = ['text', 'markdown', 'customize'] as const;
export const APP_MSG_TYPES = ['text', 'markdown'] as const;
export type RobotMsgType = (typeof ROBOT_MSG_TYPES)[number];
export type AppMsgType = (typeof APP_MSG_TYPES)[number];

/** The msgtypes a robot accepts as a customize body, each carried by the object of its name. */
export const ROBOT_BODY_TYPES = ['text', 'markdown', 'markdown_v2', 'image', 'news', 'file', 'voice', 'template_card'];

export const ROBOT_CUSTOMIZE_RULES: CustomizeBodyRules = {
  platform: 'WeCom',
  sender: 'a group robot',
  typeField: 'msgtype',
  types: Object.fromEntries(ROBOT_BODY_TYPES.map((type) => [type, type])),
  example: '{"msgtype":"text","text":{"content":"${event.type}"}}',
};

export const DEFAULT_API_BASE_URL = 'https://qyapi.weixin.qq.com';
const MAX_APP_RECIPIENTS = 1000;
const MAX_APP_PARTIES_OR_TAGS = 100;
const ID_LIST = /^\d{1,20}(\|\d{1,20})*$/;
/** WeCom separates recipients with | only (PROTOCOL.md, application message, Recipients): `a,b` would be one unknown user. */
const USER_ID_LIST = /^(@all|[^|,，、;；\s]+(\|[^|,，、;；\s]+)*)$/;
const USER_IDS = /^\s*[^,\s]+(\s*,\s*[^,\s]+)*\s*$/;
const MOBILE = String.raw`(@all|\+?\d[\d-]{4,19})`;
const MOBILES = new RegExp(String.raw`^\s*${MOBILE}(\s*,\s*${MOBILE})*\s*$`);

/** Why a robot webhook URL is unusable: any http(s) URL works (proxies), but it must carry the robot's `key`. */
export function robotUrlProblem(value: string): string | undefined {
  const problem = httpUrlProblem(value);
  if (problem) return problem;
  if (new URL(value).searchParams.get('key')) return undefined;
  return 'must contain a key query parameter (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)';
}

/** A group robot (群机器人 / 消息推送): the webhook URL carries the credential. */
export class WeComRobotConfig {
  @JSONSchema({
    description: 'The robot webhook URL, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (secret: the key is the credential).',
    format: 'uri',
    'x-description-zh':
      '群机器人（消息推送）的 Webhook 地址，https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…（保密：其中的 key 就是凭证）。',
  })
  @ValidateString('isRobotWebhookUrl', robotUrlProblem)
  service_url: string;

  @JSONSchema({
    description: 'text, markdown, or customize (the template is the whole JSON body).',
    enum: [...ROBOT_MSG_TYPES],
    default: 'markdown',
    'x-description-zh': 'text（文本）、markdown，或 customize（模板就是完整的 JSON 请求体）。',
  })
  @IsOptional()
  @IsIn(ROBOT_MSG_TYPES, { message: `msg_type must be one of ${ROBOT_MSG_TYPES.join(', ')}` })
  msg_type: RobotMsgType = 'markdown';

  @JSONSchema({
    description:
      'User ids to @, comma-separated; @all for everyone. In markdown, <@userid> in the content; @all in a text message right after.',
    'x-description-zh':
      '要 @ 的成员 userid，用逗号分隔；@all 表示所有人。markdown 消息中写成内容里的 <@userid>；@all 另发一条紧随其后的文本消息。',
  })
  @IsOptional()
  @Matches(USER_IDS, { message: 'mentioned must be user ids separated by commas, such as zhangsan,lisi or @all' })
  @MaxLength(4096)
  mentioned?: string;

  @JSONSchema({
    description: 'Mobile numbers to @, comma-separated; @all for everyone. In markdown, these go in a text message right after it.',
    'x-description-zh': '要 @ 的成员手机号，用逗号分隔；@all 表示所有人。markdown 消息时，这些 @ 放在紧随其后的一条文本消息中。',
  })
  @IsOptional()
  @Matches(MOBILES, { message: 'mentioned_mobile must be mobile numbers separated by commas, such as 13800001111,@all' })
  @MaxLength(4096)
  mentioned_mobile?: string;

  @JSONSchema({
    description: 'The content (text, markdown) or the JSON body (customize); ${path} placeholders. Empty: a default rendering.',
    'x-description-zh': '消息内容（text、markdown）或 JSON 请求体（customize），可用 ${path} 占位符。留空则使用默认格式。',
  })
  @IsOptional()
  @IsTemplate()
  @MaxLength(65536)
  template?: string;
}

/** A message to accounts through a WeCom application (应用消息): corp id, agent id and the app secret. */
export class WeComAppConfig {
  @JSONSchema({
    description: 'The corp ID (企业ID, 我的企业 → 企业信息), such as ww0123456789abcdef.',
    'x-description-zh': '企业ID（我的企业 → 企业信息），例如 ww0123456789abcdef。',
  })
  @Matches(/^[A-Za-z0-9]{1,64}$/, { message: 'corp_id must be the corp ID (企业ID): letters and digits, such as ww0123456789abcdef' })
  corp_id: string;

  @JSONSchema({ description: 'The AgentId of the application (an integer).', 'x-description-zh': '自建应用的 AgentId（整数）。' })
  @IsInt({ message: 'agent_id must be an integer: the AgentId of the application' })
  @Min(1, { message: 'agent_id must be a positive integer: the AgentId of the application' })
  agent_id: number;

  @JSONSchema({ description: 'The application Secret (secret).', 'x-description-zh': '自建应用的 Secret（保密）。' })
  @IsString({ message: 'secret must be a string: the Secret of the application' })
  @IsNotEmpty({ message: 'secret must not be empty: it is the Secret of the application' })
  @MaxLength(256)
  secret: string;

  @JSONSchema({
    description: 'Recipients: user ids separated by | (at most 1000), or @all. Give to_users, to_parties or to_tags, or several.',
    'x-description-zh':
      '接收成员：成员 userid，用 | 分隔（最多 1000 个），或 @all 发给应用可见范围内的全部成员。账号、部门、标签至少填一项，也可同时填写。',
  })
  @IsOptional()
  @Matches(USER_ID_LIST, { message: 'to_users must be user ids separated by | (not commas or spaces), such as zhangsan|lisi, or @all' })
  to_users?: string;

  @JSONSchema({
    description: 'Departments whose members receive it: department ids separated by | (at most 100), such as 1|2.',
    'x-description-zh': '接收部门：部门 ID，用 | 分隔（最多 100 个），例如 1|2，部门内成员都会收到。',
  })
  @IsOptional()
  @Matches(ID_LIST, { message: 'to_parties must be department ids (digits) separated by | (not commas), such as 1|2' })
  to_parties?: string;

  @JSONSchema({
    description: 'Tags whose members receive it: tag ids separated by | (at most 100), such as 1|2.',
    'x-description-zh': '接收标签：标签 ID，用 | 分隔（最多 100 个），例如 1|2，标签内成员都会收到。',
  })
  @IsOptional()
  @Matches(ID_LIST, { message: 'to_tags must be tag ids (digits) separated by | (not commas), such as 1|2' })
  to_tags?: string;

  @JSONSchema({
    description: 'text or markdown (markdown shows only in the WeCom client, not in WeChat).',
    enum: [...APP_MSG_TYPES],
    default: 'text',
    'x-description-zh': 'text（文本）或 markdown（markdown 只在企业微信客户端显示，微信中不显示）。',
  })
  @IsOptional()
  @IsIn(APP_MSG_TYPES, { message: `msg_type must be one of ${APP_MSG_TYPES.join(', ')}` })
  msg_type: AppMsgType = 'text';

  @JSONSchema({
    description: 'The content; ${path} placeholders. Empty: a default rendering.',
    'x-description-zh': '消息内容，可用 ${path} 占位符。留空则使用默认格式。',
  })
  @IsOptional()
  @IsTemplate()
  @MaxLength(65536)
  template?: string;

  @JSONSchema({
    description: `The API origin, for proxies and private deployments. Default ${DEFAULT_API_BASE_URL}.`,
    format: 'uri',
    'x-description-zh': `接口地址，用于代理或私有化部署。默认 ${DEFAULT_API_BASE_URL}。`,
  })
  @IsOptional()
  @IsHttpUrl()
  api_base_url?: string;
}

/** Save-time checks of a robot config beyond its decorators. */
export function robotConfigIssues(config: WeComRobotConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const field of ['mentioned', 'mentioned_mobile'] as const) {
    if (config[field] && config.msg_type === 'customize') {
      issues.push({
        field,
        message: `${field} applies to text and markdown; with customize, write mentioned_list or <@userid> into the template`,
      });
    }
  }
  if (config.msg_type !== 'customize') return issues;
  return [...issues, ...customizeTemplateIssues(config.template, ROBOT_CUSTOMIZE_RULES)];
}

/** Save-time checks of an application config beyond its decorators. */
export function appConfigIssues(config: WeComAppConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  issues.push(...appRecipientIssues(config));
  const base = config.api_base_url ? new URL(config.api_base_url) : undefined;
  if (base && (base.search || base.hash)) {
    issues.push({ field: 'api_base_url', message: 'api_base_url must not carry a query string or fragment: paths are appended to it' });
  }
  return issues;
}

/** Someone must receive it; WeCom ignores parties and tags when to_users is @all; the lists have limits. */
function appRecipientIssues(config: WeComAppConfig): ConfigIssue[] {
  if (!config.to_users && !config.to_parties && !config.to_tags) {
    return [{ field: 'to_users', message: 'to_users, to_parties or to_tags must say who receives the message' }];
  }
  const issues: ConfigIssue[] = [];
  if (config.to_users === '@all' && (config.to_parties || config.to_tags)) {
    issues.push({
      field: 'to_users',
      message: 'to_users @all reaches everyone and WeCom then ignores to_parties and to_tags: leave them out',
    });
  }
  if ((config.to_users?.split('|').length ?? 0) > MAX_APP_RECIPIENTS) {
    issues.push({ field: 'to_users', message: `to_users must list at most ${MAX_APP_RECIPIENTS} user ids` });
  }
  for (const field of ['to_parties', 'to_tags'] as const) {
    if ((config[field]?.split('|').length ?? 0) > MAX_APP_PARTIES_OR_TAGS) {
      issues.push({ field, message: `${field} must list at most ${MAX_APP_PARTIES_OR_TAGS} ids` });
    }
  }
  return issues;
}

export const ROBOT_SECRET_FIELDS = ['service_url'] as const;
export const APP_SECRET_FIELDS = ['secret'] as const;
