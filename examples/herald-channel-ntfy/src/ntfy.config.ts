import { IsHttpUrl, IsTemplate, JSONSchema } from '@herald/channel-sdk';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** ntfy's priorities: 1 (min) to 5 (max, urgent); 3 is the default. Words and digits are both accepted. */
export const NTFY_PRIORITIES = {
  min: 1,
  low: 2,
  default: 3,
  high: 4,
  urgent: 5,
  max: 5,
} as const;

export type NtfyPriority = keyof typeof NTFY_PRIORITIES | 1 | 2 | 3 | 4 | 5 | '1' | '2' | '3' | '4' | '5';

const PRIORITY_VALUES = [...Object.keys(NTFY_PRIORITIES), 1, 2, 3, 4, 5, '1', '2', '3', '4', '5'];

/** One ntfy topic. On servers without access control the topic name is the only password, so the URL is a secret. */
export class NtfyTopicConfig {
  @JSONSchema({
    description: 'The topic URL, such as https://ntfy.sh/my-alerts or https://ntfy.example.com/deploys (any http(s) ntfy server).',
    format: 'uri',
  })
  @IsDefined({ message: 'service_url is required: the topic URL, such as https://ntfy.sh/my-alerts' })
  @IsHttpUrl()
  service_url: string;

  @JSONSchema({ description: 'An ntfy access token (tk_…), sent as Authorization: Bearer; needed when the topic is protected.' })
  @IsOptional()
  @IsString({ message: 'access_token must be a string' })
  @Matches(/^[\x21-\x7e]{1,256}$/, { message: 'access_token must be the token alone (tk_…), without "Bearer" or spaces' })
  access_token?: string;

  @JSONSchema({
    description: '1 (min) to 5 (urgent), or min, low, default, high, urgent; ntfy uses 3 (default) when it is left out.',
    enum: PRIORITY_VALUES,
  })
  @IsOptional()
  @IsIn(PRIORITY_VALUES, { message: 'priority must be 1 to 5 or one of min, low, default, high, urgent' })
  priority?: NtfyPriority;

  @JSONSchema({ description: 'Comma-separated tags; emoji short codes such as warning or rotating_light show as emoji.' })
  @IsOptional()
  @IsString({ message: 'tags must be a string' })
  @Matches(/^[^\x00-\x1f\x7f]*$/, { message: 'tags must be one line: tags separated by commas' })
  @MaxLength(1024, { message: 'tags must be at most 1024 characters' })
  tags?: string;

  @JSONSchema({ description: 'The notification title, with ${path} placeholders; by default the event type (and subject).' })
  @IsOptional()
  @IsString({ message: 'title_template must be a string' })
  @IsTemplate()
  @MaxLength(1024, { message: 'title_template must be at most 1024 characters' })
  title_template?: string;

  @JSONSchema({
    description: 'The message text, with ${path} placeholders; by default one "name: value" line per event field, then the time.',
  })
  @IsOptional()
  @IsString({ message: 'template must be a string' })
  @IsTemplate()
  @MaxLength(65_536, { message: 'template must be at most 65536 characters' })
  template?: string;

  @JSONSchema({ description: 'Where tapping the notification leads, such as ${data.url}; not sent when it renders to no URL.' })
  @IsOptional()
  @IsString({ message: 'click_template must be a string' })
  @IsTemplate()
  @MaxLength(2048, { message: 'click_template must be at most 2048 characters' })
  click_template?: string;
}

export const NTFY_SECRET_FIELDS = ['service_url', 'access_token'] as const;
