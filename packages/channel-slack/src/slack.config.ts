import { IsHttpUrl, IsTemplate, JSONSchema } from '@herald/channel-sdk';
import { IsIn, IsOptional, IsString, MaxLength } from '@herald/channel-sdk';

export const SLACK_MESSAGE_TYPES = ['text', 'blocks', 'customize'] as const;
export type SlackMessageType = (typeof SLACK_MESSAGE_TYPES)[number];

/** One Slack incoming webhook. The URL carries the credential, so it is a secret field. */
export class SlackIncomingWebhookConfig {
  @JSONSchema({
    description: 'The incoming webhook URL, https://hooks.slack.com/services/T…/B…/…; any http(s) URL is accepted for proxies.',
    format: 'uri',
    'x-description-zh': 'Incoming Webhook 地址，https://hooks.slack.com/services/T…/B…/…；也接受任何 http(s) 地址（用于代理）。',
  })
  @IsHttpUrl()
  @MaxLength(2048, { message: 'service_url must be at most 2048 characters' })
  service_url: string;

  @JSONSchema({
    description:
      'text: one mrkdwn message; blocks (default): Block Kit with a header, the key fields and the time, plus a text fallback; ' +
      'customize: the template is the whole JSON body.',
    enum: [...SLACK_MESSAGE_TYPES],
    default: 'blocks',
    'x-description-zh':
      'text：一条 mrkdwn 消息；blocks（默认）：Block Kit 消息，含标题、主要字段和时间，另附纯文本摘要；customize：模板就是完整的 JSON 请求体。',
  })
  @IsOptional()
  @IsIn(SLACK_MESSAGE_TYPES, { message: `msg_type must be one of ${SLACK_MESSAGE_TYPES.join(', ')}` })
  msg_type?: SlackMessageType;

  @JSONSchema({
    description:
      'text and blocks: the message in mrkdwn with ${path} placeholders (values are escaped, your own text is not); ' +
      'customize: the JSON body, which must have "text" or "blocks".',
    'x-description-zh':
      'text 和 blocks：mrkdwn 格式的消息，可用 ${path} 占位符（占位符的值会被转义，你自己写的文字不会）；customize：JSON 请求体，必须含 "text" 或 "blocks"。',
  })
  @IsOptional()
  @IsString({ message: 'template must be a string' })
  @IsTemplate()
  @MaxLength(65_536, { message: 'template must be at most 65536 characters' })
  template?: string;
}

export const SLACK_SECRET_FIELDS = ['service_url'] as const;
