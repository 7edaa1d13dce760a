import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListDeliveriesQuery {
  @IsOptional()
  @IsString()
  subscription_id?: string;

  @IsOptional()
  @IsString()
  event_id?: string;

  @IsOptional()
  @IsIn(['pending', 'delivering', 'succeeded', 'failed'], { message: 'status must be pending, delivering, succeeded or failed' })
  status?: 'pending' | 'delivering' | 'succeeded' | 'failed';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  /** The `next_cursor` of the previous page. */
  @IsOptional()
  @IsString()
  cursor?: string;
}
