import { IsHttpUrl, IsTemplate, JSONSchema } from '@herald/channel-sdk';
import { IsDefined, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from '@herald/channel-sdk';

export const DISCORD_MESSAGE_TYPES = ['text', 'embed', 'customize'] as const;
export type DiscordMessageType = (typeof DISCORD_MESSAGE_TYPES)[number];

/** Discord refuses a username override containing these words, in any case. */
const FORBIDDEN_USERNAME = /^(?!.*(clyde|discord)).*$/is;

/** One Discord channel webhook. The URL carries the webhook token, so it is a secret field. */
export class DiscordWebhookConfig {
  @JSONSchema({
    description:
      'The webhook URL, https://discord.com/api/webhooks/<id>/<token> (add ?thread_id=… to post in a thread); any http(s) URL is accepted for proxies.',
    format: 'uri',
    'x-description-zh':
      'Webhook 地址，https://discord.com/api/webhooks/<id>/<token>（加上 ?thread_id=… 可发到子区）；也接受任何 http(s) 地址（用于代理）。',
  })
  @IsDefined({ message: 'service_url is required: the webhook URL from the channel settings (Integrations → Webhooks)' })
  @IsHttpUrl()
  service_url: string;

  @JSONSchema({
    description:
      'text: one Markdown message in content; embed (default): one embed with the event type as title, the event data as fields, ' +
      'the time and the source; customize: the template is the whole JSON body.',
    enum: [...DISCORD_MESSAGE_TYPES],
    default: 'embed',
    'x-description-zh':
      'text：一条 Markdown 消息（content）；embed（默认）：一个 Embed，以事件类型为标题、事件数据为字段，附时间和来源；customize：模板就是完整的 JSON 请求体。',
  })
  @IsOptional()
  @IsIn(DISCORD_MESSAGE_TYPES, { message: `msg_type must be one of ${DISCORD_MESSAGE_TYPES.join(', ')}` })
  msg_type?: DiscordMessageType;

  @JSONSchema({
    description: 'Posts under this name instead of the webhook\'s own (1 to 80 characters, without "clyde" or "discord").',
    'x-description-zh': '用这个名称发消息，代替 Webhook 自己的名称（1 至 80 个字符，不能含 "clyde" 或 "discord"）。',
  })
  @IsOptional()
  @IsString({ message: 'username must be a string' })
  @Length(1, 80, { message: 'username must be 1 to 80 characters' })
  @Matches(FORBIDDEN_USERNAME, { message: 'username must not contain "clyde" or "discord" (Discord refuses it)' })
  username?: string;

  @JSONSchema({
    description: "Posts with this picture instead of the webhook's own.",
    format: 'uri',
    'x-description-zh': '用这张图片作头像发消息，代替 Webhook 自己的头像。',
  })
  @IsOptional()
  @IsHttpUrl()
  @MaxLength(2048, { message: 'avatar_url must be at most 2048 characters' })
  avatar_url?: string;

  @JSONSchema({
    description:
      'text: the content, in Discord Markdown with ${path} placeholders; embed: the embed description; ' +
      'customize: the JSON body, which must have "content" or "embeds" (values are JSON-escaped).',
    'x-description-zh':
      'text：消息内容，Discord Markdown 格式，可用 ${path} 占位符；embed：Embed 的描述；customize：JSON 请求体，必须含 "content" 或 "embeds"（占位符的值会做 JSON 转义）。',
  })
  @IsOptional()
  @IsString({ message: 'template must be a string' })
  @IsTemplate()
  @MaxLength(65_536, { message: 'template must be at most 65536 characters' })
  template?: string;
}

export const DISCORD_SECRET_FIELDS = ['service_url'] as const;
