import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

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
}
