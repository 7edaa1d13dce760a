import { ApiProperty } from '@nestjs/swagger';
import { RequestSummaryAnswer } from '../outbox/delivery.answers.js';
import { FiltersDto } from './subscription-filters.dto.js';
import { RateLimitDto, RetryPolicyDto } from './subscription.dto.js';

const NULLABLE_DATE = { type: String, format: 'date-time', nullable: true } as const;

export class SubscriptionHealthAnswer {
  @ApiProperty({ description: 'Failed attempts in a row', example: 0 })
  consecutive_failures: number;

  @ApiProperty({ ...NULLABLE_DATE, description: 'Start of the current run of failures' })
  failing_since: Date | null;

  @ApiProperty(NULLABLE_DATE)
  last_success_at: Date | null;

  @ApiProperty(NULLABLE_DATE)
  last_failure_at: Date | null;

  @ApiProperty({ ...NULLABLE_DATE, description: 'Herald paused deliveries to a failing destination until then' })
  paused_until: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why Herald disabled the subscription; re-enable it to clear' })
  disabled_reason: string | null;

  @ApiProperty(NULLABLE_DATE)
  disabled_at: Date | null;
}

/** A subscription as the API shows it: secrets masked as `********`. */
export class SubscriptionAnswer {
  @ApiProperty({ example: 'sub_01jh2y7q4zc3m8v5w6x7y8z9ab' })
  id: string;

  @ApiProperty({ example: '飞书客服通知' })
  name: string;

  @ApiProperty({ example: 'feishu' })
  channel: string;

  @ApiProperty({ example: 'feishu_group_chat_robot' })
  action: string;

  @ApiProperty({ type: [String], example: ['ticket.*'] })
  event_types: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The settings, secret fields masked',
    example: { service_url: 'https://open.feishu.cn/open-apis/bot/v2/hook/xxxx', sign: '********', msg_type: 'text' },
  })
  config: Record<string, unknown>;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ type: RetryPolicyDto, nullable: true })
  retry_policy: RetryPolicyDto | null;

  @ApiProperty({ type: RateLimitDto, nullable: true })
  rate_limit: RateLimitDto | null;

  @ApiProperty({
    oneOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
    description: 'true: every failure notice; a list: those notice types',
  })
  failure_notice: boolean | string[];

  @ApiProperty({ type: String, nullable: true, example: 'feishu_project', description: 'The preset folded into retry_policy' })
  preset: string | null;

  @ApiProperty({ type: FiltersDto, nullable: true })
  filters: FiltersDto | null;

  @ApiProperty({ type: SubscriptionHealthAnswer })
  health: SubscriptionHealthAnswer;

  @ApiProperty()
  created_at: Date;

  @ApiProperty()
  updated_at: Date;
}

export class WarningAnswer {
  @ApiProperty({ example: 'event_types[1]' })
  field: string;

  @ApiProperty({ example: '"invoice.refunded" is in no catalog and not registered in this project' })
  message: string;
}

/** The answer to creating or changing a subscription: what was saved, and what looks wrong but was kept. */
export class SavedSubscriptionAnswer extends SubscriptionAnswer {
  @ApiProperty({ type: [WarningAnswer], description: 'Event types no catalog or registration knows (kept, not refused)' })
  warnings: WarningAnswer[];
}

export class SubscriptionListAnswer {
  @ApiProperty({ type: [SubscriptionAnswer] })
  data: SubscriptionAnswer[];
}

export class ResponseSummaryAnswer {
  @ApiProperty({ example: 200 })
  status: number;

  @ApiProperty({ description: 'The start of the answer body, bounded', example: '{"code":0,"msg":"success"}' })
  body: string;

  @ApiProperty({ required: false, example: 87 })
  durationMs?: number;
}

export class TestSendAnswer {
  @ApiProperty({ enum: ['delivered', 'retry', 'failed'] })
  outcome: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  reason: string | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  retry_after_ms: number | null;

  @ApiProperty({ type: RequestSummaryAnswer, nullable: true })
  request: RequestSummaryAnswer | null;

  @ApiProperty({ type: ResponseSummaryAnswer, nullable: true })
  response: ResponseSummaryAnswer | null;
}

export class RedeliverAnswer {
  @ApiProperty({ example: 3 })
  redelivered: number;

  @ApiProperty({ type: [String], example: ['dlv_01jh2y7q4zc3m8v5w6x7y8z9ab'] })
  delivery_ids: string[];
}

export class LastFailureAnswer {
  @ApiProperty()
  delivery_id: string;

  @ApiProperty()
  at: Date;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
}

export class StatsBucketAnswer {
  @ApiProperty({ format: 'date-time' })
  start: Date;

  @ApiProperty({ example: 40 })
  succeeded: number;

  @ApiProperty({ example: 1 })
  failed: number;

  @ApiProperty({ example: 0 })
  skipped: number;
}

export class SubscriptionStatsAnswer {
  @ApiProperty()
  subscription_id: string;

  @ApiProperty({ description: 'Deliveries, all states', example: 120 })
  total: number;

  @ApiProperty({ example: 117 })
  succeeded: number;

  @ApiProperty({ example: 2 })
  failed: number;

  @ApiProperty({ description: 'Pending or delivering', example: 1 })
  in_flight: number;

  @ApiProperty({ description: 'Attempts made', example: 125 })
  attempts: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_success_at: Date | null;

  @ApiProperty({ type: Number, nullable: true, description: 'succeeded / (succeeded + failed); null before any finished', example: 0.983 })
  success_rate: number | null;

  @ApiProperty({ type: LastFailureAnswer, nullable: true })
  last_failure: LastFailureAnswer | null;

  @ApiProperty({ example: '24h', description: 'The window the series covers' })
  window: string;

  @ApiProperty({ example: '1h' })
  bucket: string;

  @ApiProperty({ type: [StatsBucketAnswer], description: 'Finished deliveries per bucket, oldest first; the last is the current bucket' })
  series: StatsBucketAnswer[];
}

export class DryRunAnswer {
  @ApiProperty({ example: false })
  would_deliver: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The rule that stops it: event_types, disabled, keywords, active_hours, …',
    example: 'keywords',
  })
  stopped_by: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'none of the keywords urgent appear in the event' })
  reason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it would be sent, if not at once' })
  deliver_at: Date | null;
}
