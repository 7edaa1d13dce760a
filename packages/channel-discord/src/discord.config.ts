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
  })
  @IsOptional()
  @IsIn(DISCORD_MESSAGE_TYPES, { message: `msg_type must be one of ${DISCORD_MESSAGE_TYPES.join(', ')}` })
  msg_type?: DiscordMessageType;

  @JSONSchema({ description: 'Posts under this name instead of the webhook\'s own (1 to 80 characters, without "clyde" or "discord").' })
  @IsOptional()
  @IsString({ message: 'username must be a string' })
  @Length(1, 80, { message: 'username must be 1 to 80 characters' })
  @Matches(FORBIDDEN_USERNAME, { message: 'username must not contain "clyde" or "discord" (Discord refuses it)' })
  username?: string;

  @JSONSchema({ description: "Posts with this picture instead of the webhook's own.", format: 'uri' })
  @IsOptional()
  @IsHttpUrl()
  @MaxLength(2048, { message: 'avatar_url must be at most 2048 characters' })
  avatar_url?: string;

  @JSONSchema({
    description:
      'text: the content, in Discord Markdown with ${path} placeholders; embed: the embed description; ' +
      'customize: the JSON body, which must have "content" or "embeds" (values are JSON-escaped).',
  })
  @IsOptional()
  @IsString({ message: 'template must be a string' })
  @IsTemplate()
  @MaxLength(65_536, { message: 'template must be at most 65536 characters' })
  template?: string;
}

export const DISCORD_SECRET_FIELDS = ['service_url'] as const;
