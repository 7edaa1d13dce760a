import { ApiProperty } from '@nestjs/swagger';
import { RateLimitDto, RetryPolicyDto } from '../subscriptions/subscription.dto.js';

export class ActionDefaultsAnswer {
  @ApiProperty({ type: RetryPolicyDto })
  retry_policy: RetryPolicyDto;

  @ApiProperty({ type: [RateLimitDto], description: "The platform's limits per destination" })
  rate_limits: RateLimitDto[];
}

export class ChannelActionAnswer {
  @ApiProperty({ example: 'feishu_group_chat_robot' })
  id: string;

  @ApiProperty({ example: 'Feishu group bot' })
  display_name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '飞书群自定义机器人',
    description: 'The name in Chinese; null when the channel gives none',
  })
  display_name_zh: string | null;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The description in Chinese; null when the channel gives none' })
  description_zh: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "JSON Schema of the action's config; secret fields are writeOnly",
  })
  config_schema: Record<string, unknown>;

  @ApiProperty({ type: [String], example: ['sign'] })
  secret_fields: string[];

  @ApiProperty({ type: ActionDefaultsAnswer })
  defaults: ActionDefaultsAnswer;
}

export class ChannelAnswer {
  @ApiProperty({ example: 'feishu' })
  id: string;

  @ApiProperty({ example: 'Feishu / Lark' })
  display_name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '飞书 / Lark',
    description: 'The name in Chinese; null when the channel gives none',
  })
  display_name_zh: string | null;

  @ApiProperty({ type: [ChannelActionAnswer] })
  actions: ChannelActionAnswer[];
}

export class ChannelListAnswer {
  @ApiProperty({ type: [ChannelAnswer] })
  data: ChannelAnswer[];
}
