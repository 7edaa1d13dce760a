import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateProjectDto {
  @ApiProperty({ description: 'Short unique key, used in URLs and templates', pattern: '^[a-z0-9][a-z0-9-]{0,62}$', example: 'helpdesk' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'key must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit',
  })
  key: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Help desk' })
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 36500,
    nullable: true,
    description: 'Days its events and deliveries are kept; absent or null: the installation default (HERALD_RETENTION_DAYS)',
    example: 90,
  })
  @IsOptional()
  @IsInt({ message: 'retention_days must be a whole number of days' })
  @Min(1, { message: 'retention_days must be 1 to 36500' })
  @Max(36500, { message: 'retention_days must be 1 to 36500' })
  retention_days?: number | null;
}
