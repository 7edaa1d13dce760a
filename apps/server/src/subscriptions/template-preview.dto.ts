import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PublishEventDto } from '../events/publish-event.dto.js';

export class TemplatePreviewDto {
  @IsString()
  @MaxLength(20_000)
  template: string;

  /** The event to render with; a sample event when absent. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PublishEventDto)
  event?: PublishEventDto;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  subscription_name?: string;
}
