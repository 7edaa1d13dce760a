import { ApiProperty } from '@nestjs/swagger';
import { DeliveryAnswer } from '../outbox/delivery.answers.js';

export class PublishResultAnswer {
  @ApiProperty({ description: "Herald's id of the event (the first one's, for a duplicate)", example: 'evt_01JH2Y7Q4ZC3M8V5W6X7Y8Z9AB' })
  id: string;

  @ApiProperty({ description: 'Deliveries created (skipped ones not counted)', example: 2 })
  deliveries: number;

  @ApiProperty({ description: 'True when the idempotency key was seen before: nothing new was created', example: false })
  duplicate: boolean;
}

export class PublishBatchAnswer {
  @ApiProperty({ type: [PublishResultAnswer], description: 'One result per event, in the order sent' })
  results: PublishResultAnswer[];
}

export class EventAnswer {
  @ApiProperty({ example: 'evt_01JH2Y7Q4ZC3M8V5W6X7Y8Z9AB' })
  id: string;

  @ApiProperty({ type: String, nullable: true, description: "The publisher's `id` (idempotency key)", example: 'order-1234-created' })
  idempotency_key: string | null;

  @ApiProperty({ example: 'ticket.created' })
  type: string;

  @ApiProperty({ example: 'helpdesk' })
  source: string;

  @ApiProperty({ type: String, nullable: true, example: 'ticket 42' })
  subject: string | null;

  @ApiProperty()
  time: Date;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { message_content: 'The printer is on fire' } })
  data: unknown;

  @ApiProperty()
  received_at: Date;
}

export class EventWithDeliveriesAnswer extends EventAnswer {
  @ApiProperty({ type: [DeliveryAnswer] })
  deliveries: DeliveryAnswer[];
}

export class EventPageAnswer {
  @ApiProperty({ type: [EventAnswer] })
  data: EventAnswer[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  next_cursor: string | null;
}
