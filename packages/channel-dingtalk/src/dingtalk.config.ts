import {
  customizeTemplateIssues,
  IsHttpUrl,
  IsTemplate,
  JSONSchema,
  type ConfigIssue,
  type CustomizeBodyRules,
  ValidateString,
} from '@herald/channel-sdk';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from '@herald/channel-sdk';

export const MSG_TYPES = ['text', 'markdown', 'customize'] as const;
export type DingTalkMsgType = (typeof MSG_TYPES)[number];

/** DingTalk's 加签 secrets are "SEC" and 64 hex digits; we take any length in a safe range, in case that changes. */
const SIGN_SECRET_MIN = 16;
const SIGN_SECRET_MAX = 256;
const SIGN_SECRET = new RegExp(`^SEC[0-9A-Za-z]{${SIGN_SECRET_MIN},${SIGN_SECRET_MAX}}$`);
const MOBILE = String.raw`(?:@all|\+?[0-9][0-9-]{4,19})`;
const USER_ID = String.raw`(?:@all|[^\s,@][^\s,]{0,63})`;
const commaList = (item: string) => new RegExp(String.raw`^\s*${item}(?:\s*,\s*${item})*\s*$`);

/** The parameters of a DingTalk custom robot (自定义机器人) subscription. */
export class DingTalkRobotConfig {
  @JSONSchema({
    description: 'The robot webhook: https://oapi.dingtalk.com/robot/send?access_token=… (a proxy or the international host also works).',
    format: 'uri',
    'x-description-zh': '自定义机器人的 Webhook 地址：https://oapi.dingtalk.com/robot/send?access_token=…（代理或国际版地址也可以）。',
  })
  @IsHttpUrl()
  @ValidateString('isRobotWebhook', robotWebhookProblem)
  service_url: string;

  @JSONSchema({
    description: 'text, markdown (the default), or customize: the template is the whole JSON body.',
    enum: [...MSG_TYPES],
    default: 'markdown',
    'x-description-zh': 'text（文本）、markdown（默认），或 customize：模板就是完整的 JSON 请求体。',
  })
  @IsOptional()
  @IsIn(MSG_TYPES, { message: `msg_type must be one of ${MSG_TYPES.join(', ')}` })
  msg_type: DingTalkMsgType = 'markdown';

  @JSONSchema({
    description: "The 加签 secret (SEC…) from the robot's security settings; each attempt is signed with a fresh timestamp.",
    'x-description-zh': '机器人安全设置中「加签」给出的密钥（SEC 开头）；每次尝试都用新的时间戳重新签名。',
  })
  @IsOptional()
  @Matches(SIGN_SECRET, {
    message: `sign must be the 加签 secret DingTalk shows for the robot: "SEC" followed by ${SIGN_SECRET_MIN} to ${SIGN_SECRET_MAX} letters and digits (DingTalk's own are "SEC" and 64 more, 67 characters in all)`,
  })
  sign?: string;

  @JSONSchema({
    description: 'DingTalk user ids to @mention, comma-separated; @all mentions everyone.',
    'x-description-zh': '要 @ 的钉钉用户 userId，用逗号分隔；@all 表示 @所有人。',
  })
  @IsOptional()
  @IsString({ message: 'at_user_ids must be a string of comma-separated user ids' })
  @MaxLength(2000, { message: 'at_user_ids must be at most 2000 characters' })
  @Matches(commaList(USER_ID), { message: 'at_user_ids must be user ids separated by commas, without spaces inside an id (or @all)' })
  at_user_ids?: string;

  @JSONSchema({
    description: 'Mobile numbers to @mention, comma-separated; @all mentions everyone.',
    'x-description-zh': '要 @ 的成员手机号，用逗号分隔；@all 表示 @所有人。',
  })
  @IsOptional()
  @IsString({ message: 'at_mobiles must be a string of comma-separated mobile numbers' })
  @MaxLength(2000, { message: 'at_mobiles must be at most 2000 characters' })
  @Matches(commaList(MOBILE), {
    message: 'at_mobiles must be mobile numbers separated by commas, such as 13800001111,13900002222 (or @all)',
  })
  at_mobiles?: string;

  @JSONSchema({
    description:
      'The text (text), the markdown (markdown) or the JSON body (customize), with ${path} placeholders; a default rendering when empty.',
    'x-description-zh': '文本（text）、Markdown（markdown）或 JSON 请求体（customize），可用 ${path} 占位符；留空则使用默认格式。',
  })
  @IsOptional()
  @IsTemplate()
  @MaxLength(20_000, { message: 'template must be at most 20000 characters, the size DingTalk accepts' })
  template?: string;
}

/** The robot's webhook is a secret (the access_token is the credential), and so is the 加签 secret. */
export const DINGTALK_SECRET_FIELDS = ['service_url', 'sign'] as const;

/** Why a URL cannot be a robot webhook; IsHttpUrl reports URLs that do not parse. */
export function robotWebhookProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (!url.searchParams.get('access_token')) {
    return 'must contain an access_token query parameter (https://oapi.dingtalk.com/robot/send?access_token=…)';
  }
  if (url.searchParams.has('timestamp') || url.searchParams.has('sign')) {
    return 'must not carry timestamp or sign: a signed URL expires within an hour; put the SEC… secret in sign and Herald signs each attempt';
  }
  return undefined;
}

/**
 * What a robot webhook takes as a customize body: a msgtype of text, link, markdown, actionCard or
 * feedCard (image, file, voice and video need the app API), and the object named after it.
 */
export const DINGTALK_CUSTOMIZE_RULES: CustomizeBodyRules = {
  platform: 'DingTalk',
  sender: 'a robot webhook',
  typeField: 'msgtype',
  types: { text: 'text', link: 'link', markdown: 'markdown', actionCard: 'actionCard', feedCard: 'feedCard' },
  example: '{"msgtype":"text","text":{"content":"${event.type}"}}',
};

/** Checks beyond the decorators: a customize template must render to a body DingTalk can take. */
export function checkRobotConfig(config: DingTalkRobotConfig): ConfigIssue[] {
  if (config.msg_type !== 'customize') return [];
  const issues = customizeTemplateIssues(config.template, DINGTALK_CUSTOMIZE_RULES);
  for (const field of ['at_user_ids', 'at_mobiles'] as const) {
    if (config[field])
      issues.push({ field, message: `${field} applies to text and markdown; with customize, write the "at" object into the template` });
  }
  return issues;
}
