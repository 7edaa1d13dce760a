import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PublishEventDto } from '../events/publish-event.dto.js';

export class TemplatePreviewDto {
  @ApiProperty({ maxLength: 20_000, description: 'The template, with ${path} placeholders', example: '测试模板 ${project.name}' })
  @IsString()
  @MaxLength(20_000)
  template: string;

  @ApiPropertyOptional({ type: PublishEventDto, description: 'The event to render with; a sample event when absent' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PublishEventDto)
  event?: PublishEventDto;

  @ApiPropertyOptional({ maxLength: 200, description: 'The subscription name ${subscription.name} renders as', example: '钉钉运维群' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subscription_name?: string;
}

export class TemplatePreviewAnswer {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The rendered text; null when the template has a syntax problem',
    example: '测试模板 Demo',
  })
  rendered: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What is wrong with the template, or null', example: null })
  problem: string | null;

  @ApiProperty({ type: [String], description: 'Every ${path} the event offers', example: ['event.type', 'data.message', 'project.name'] })
  paths: string[];
}
