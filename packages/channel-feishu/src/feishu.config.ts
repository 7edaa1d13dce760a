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

export const MSG_TYPES = ['text', 'post', 'interactive', 'customize'] as const;
export type FeishuMsgType = (typeof MSG_TYPES)[number];

/** The hook path ends in the bot's token: `/open-apis/bot/v2/hook/<token>`. */
const HOOK_PATH = /\/hook\/([A-Za-z0-9_-]+)$/;
const MENTION = '(?:all|[A-Za-z0-9_-]{1,64})';
const MENTION_LIST = new RegExp(String.raw`^\s*${MENTION}(?:\s*,\s*${MENTION})*\s*$`);

/** The parameters of a Feishu / Lark custom bot (自定义机器人) subscription. */
export class FeishuBotConfig {
  @JSONSchema({
    description: 'The bot webhook: https://open.feishu.cn/open-apis/bot/v2/hook/… (Lark, a proxy or a private deployment also works).',
    format: 'uri',
    'x-description-zh':
      '自定义机器人的 Webhook 地址：https://open.feishu.cn/open-apis/bot/v2/hook/…（Lark、代理或私有化部署的地址也可以）。',
  })
  @IsHttpUrl()
  @ValidateString('isBotHook', botHookProblem)
  service_url: string;

  @JSONSchema({
    description: 'interactive (a card, the default), text, post (rich text), or customize: the template is the whole JSON body.',
    enum: [...MSG_TYPES],
    default: 'interactive',
    'x-description-zh': 'interactive（消息卡片，默认）、text（文本）、post（富文本），或 customize：模板就是完整的 JSON 请求体。',
  })
  @IsOptional()
  @IsIn(MSG_TYPES, { message: `msg_type must be one of ${MSG_TYPES.join(', ')}` })
  msg_type: FeishuMsgType = 'interactive';

  @JSONSchema({
    description: "The signing secret from the bot's security settings (签名校验); each attempt is signed with a fresh timestamp.",
    'x-description-zh': '机器人安全设置中「签名校验」给出的密钥；每次尝试都用新的时间戳重新签名。',
  })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{8,256}$/, { message: 'sign must be the secret Feishu shows under 签名校验: 8 to 256 characters, without spaces' })
  sign?: string;

  @JSONSchema({
    description: 'Who to @mention, comma-separated: open_id (ou_…) or user_id values, or all.',
    'x-description-zh': '要 @ 的人，用逗号分隔：open_id（ou_…）或 user_id，或填 all @所有人。',
  })
  @IsOptional()
  @IsString({ message: 'mentions must be a string of comma-separated ids' })
  @MaxLength(2000, { message: 'mentions must be at most 2000 characters' })
  @Matches(MENTION_LIST, { message: 'mentions must be open_id or user_id values (letters, digits, _ and -) separated by commas, or all' })
  mentions?: string;

  @JSONSchema({
    description:
      'The text (text, post), the lark_md markdown (interactive) or the JSON body (customize), with ${path} placeholders; a default rendering when empty.',
    'x-description-zh':
      '文本（text、post）、lark_md 格式的 Markdown（interactive）或 JSON 请求体（customize），可用 ${path} 占位符；留空则使用默认格式。',
  })
  @IsOptional()
  @IsTemplate()
  @MaxLength(20_000, { message: 'template must be at most 20000 characters: Feishu takes bodies up to 20 KB' })
  template?: string;
}

/** The hook URL carries the bot's token, the credential; the signing secret is one too. */
export const FEISHU_SECRET_FIELDS = ['service_url', 'sign'] as const;

/** Why a URL cannot be a bot hook; IsHttpUrl reports URLs that do not parse. */
export function botHookProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (!HOOK_PATH.test(url.pathname)) {
    return 'must end in /hook/<token>, as the bot webhook does (https://open.feishu.cn/open-apis/bot/v2/hook/…)';
  }
  return undefined;
}

/** The bot's token: the last segment of the hook path. */
export function hookToken(serviceUrl: string): string {
  return HOOK_PATH.exec(new URL(serviceUrl).pathname)?.[1] ?? serviceUrl;
}

/**
 * What a custom bot takes as a customize body: a msg_type, and the object that carries the message
 * for it (`content` for text, post, image and share_chat; `card` for interactive).
 */
export const FEISHU_CUSTOMIZE_RULES: CustomizeBodyRules = {
  platform: 'Feishu',
  sender: 'a custom bot',
  typeField: 'msg_type',
  types: { text: 'content', post: 'content', image: 'content', share_chat: 'content', interactive: 'card' },
  example: '{"msg_type":"text","content":{"text":"${event.type}"}}',
};

/** Checks beyond the decorators: a customize template must render to a body Feishu can take. */
export function checkBotConfig(config: FeishuBotConfig): ConfigIssue[] {
  if (config.msg_type !== 'customize') return [];
  const issues = customizeTemplateIssues(config.template, FEISHU_CUSTOMIZE_RULES);
  if (config.mentions) {
    issues.push({
      field: 'mentions',
      message: 'mentions applies to text, post and interactive; with customize, write the at-tags into the template',
    });
  }
  return issues;
}
