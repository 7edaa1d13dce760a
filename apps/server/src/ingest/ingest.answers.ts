import { ApiProperty } from '@nestjs/swagger';
import { PublishResultAnswer } from '../events/event.answers.js';

export class IngestResultAnswer extends PublishResultAnswer {
  @ApiProperty({ example: 'feishu_project.WorkitemCreateEvent' })
  type: string;
}

export class AlertmanagerIngestAnswer {
  @ApiProperty({ type: [IngestResultAnswer], description: 'One event per alert, in the order of the webhook' })
  events: IngestResultAnswer[];
}

export class IngestTokenAnswer {
  @ApiProperty({ example: 'itk_01jh2y7q4zc3m8v5w6x7y8z9ab' })
  id: string;

  @ApiProperty({ enum: ['alertmanager', 'feishu-project', 'generic'] })
  adapter: string;

  @ApiProperty({ example: '飞书项目空间' })
  name: string;

  @ApiProperty({ description: 'The first characters of the token, to tell tokens apart', example: 'hit_Ab3d' })
  token_prefix: string;

  @ApiProperty({ description: 'Whether Feishu Project’s header.token is checked' })
  verifies_token: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The generic adapter’s settings' })
  settings: Record<string, unknown> | null;

  @ApiProperty({ format: 'date-time' })
  created_at: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_used_at: Date | null;
}

export class CreatedIngestTokenAnswer extends IngestTokenAnswer {
  @ApiProperty({ description: 'Shown once; only its hash is kept', example: 'hit_Ab3dEf…' })
  token: string;

  @ApiProperty({
    description: 'The URL to give the sender (shown once)',
    example: 'https://herald.example.com/v1/ingest/feishu-project/hit_Ab3dEf…',
  })
  url: string;
}

export class IngestTokenListAnswer {
  @ApiProperty({ type: [IngestTokenAnswer] })
  data: IngestTokenAnswer[];
}

/** The parts of the senders' bodies Herald reads; everything else passes into `data` or is ignored. */
export const ALERTMANAGER_BODY = {
  type: 'object',
  description: 'Alertmanager webhook body (version 4)',
  required: ['alerts'],
  properties: {
    alerts: { type: 'array', items: { type: 'object', required: ['status', 'labels', 'startsAt'], additionalProperties: true } },
    groupLabels: { type: 'object', additionalProperties: { type: 'string' } },
  },
  additionalProperties: true,
};

export const FEISHU_PROJECT_BODY = {
  type: 'object',
  description: 'Feishu Project webhook body; unknown fields are ignored',
  required: ['header'],
  properties: {
    header: {
      type: 'object',
      required: ['event_type'],
      properties: {
        event_type: { type: 'string' },
        uuid: { type: 'string' },
        operator: { type: 'string' },
        token: { type: 'string' },
        rule_name: { type: 'string', description: 'Sent with the events automation rules fire; kept as data.rule_name' },
      },
      additionalProperties: true,
    },
    payload: { type: 'object', additionalProperties: true },
  },
  additionalProperties: true,
};

export const REPEAT_INTERVAL_QUERY = {
  name: 'repeat_interval',
  required: false,
  description:
    "Alertmanager only: the route's repeat_interval (`4h`, `30m`, `1h30m`; at least `10s`; default `4h`, Alertmanager's own). A still-firing alert's webhook within this time of its stored notice repeats it (a retry, or the group sent again) and creates nothing; one later is a reminder, a new event.",
  schema: { type: 'string', pattern: '^(\\d+(ms|s|m|h|d|w))+$', default: '4h' },
};

export const ANY_BODY = {
  description: 'The sender’s own JSON body, read by the token’s adapter',
  type: 'object',
  additionalProperties: true,
};
