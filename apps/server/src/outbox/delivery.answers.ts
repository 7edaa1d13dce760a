import { ApiProperty } from '@nestjs/swagger';
import type { DeliveryStatus } from './delivery.entity.js';
import { DELIVERY_STATUS_GLOSSARY, DELIVERY_STATUSES } from './delivery-statuses.js';

/** One delivery of one event to one subscription, as the API shows it (see delivery-views.ts). */
export class DeliveryAnswer {
  @ApiProperty({ example: 'dlv_01JH2Y7Q4ZC3M8V5W6X7Y8Z9AB' })
  id: string;

  @ApiProperty({ example: 'evt_01JH2Y7Q4ZC3M8V5W6X7Y8Z9AB' })
  event_id: string;

  @ApiProperty({ example: 'sub_01JH2Y7Q4ZC3M8V5W6X7Y8Z9AB' })
  subscription_id: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: DELIVERY_STATUS_GLOSSARY })
  status: DeliveryStatus;

  @ApiProperty({ description: 'Attempts made so far', example: 1 })
  attempt_count: number;

  @ApiProperty({ description: 'Attempts this round may make', example: 5 })
  attempts_allowed: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When pending: when the next attempt runs' })
  next_attempt_at: Date | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  last_error: string | null;

  @ApiProperty()
  created_at: Date;

  @ApiProperty()
  updated_at: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completed_at: Date | null;
}

/** What was sent, with credentials, query values and token-like segments masked. */
export class RequestSummaryAnswer {
  @ApiProperty({ example: 'POST' })
  method: string;

  @ApiProperty({ example: 'https://open.feishu.cn/open-apis/bot/v2/hook/********' })
  url: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { 'content-type': 'application/json' } })
  headers: Record<string, string>;

  @ApiProperty({ example: 182 })
  bodyBytes: number;
}

export class AttemptAnswer {
  @ApiProperty({ example: 1 })
  number: number;

  @ApiProperty()
  started_at: Date;

  @ApiProperty({ example: 87 })
  duration_ms: number;

  @ApiProperty({ enum: ['delivered', 'retry', 'failed'] })
  outcome: string;

  @ApiProperty({ type: RequestSummaryAnswer, nullable: true })
  request: RequestSummaryAnswer | null;

  @ApiProperty({ type: Number, nullable: true, example: 200 })
  response_status: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The start of the answer body, bounded',
    example: '{"code":0,"msg":"success"}',
  })
  response_excerpt: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  error: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The channel's remark on a delivery that arrived with caveats (partly invalid recipients, jobs not triggered)",
    example: null,
  })
  note: string | null;
}

export class DeliveryWithAttemptsAnswer extends DeliveryAnswer {
  @ApiProperty({ type: [AttemptAnswer] })
  attempts: AttemptAnswer[];
}

export class DeliveryPageAnswer {
  @ApiProperty({ type: [DeliveryAnswer] })
  data: DeliveryAnswer[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  next_cursor: string | null;
}
