import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { DeliveryStatus } from '../outbox/delivery.entity.js';
import { DELIVERY_STATUSES } from '../outbox/delivery-statuses.js';

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ description: 'Only deliveries of this subscription' })
  @IsOptional()
  @IsString()
  subscription_id?: string;

  @ApiPropertyOptional({ description: 'Only deliveries of this event' })
  @IsOptional()
  @IsString()
  event_id?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'Only deliveries in this status' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  /** The `next_cursor` of the previous page. */
  @ApiPropertyOptional({ description: 'The `next_cursor` of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
