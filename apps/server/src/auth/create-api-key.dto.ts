import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'What the key is for, to tell keys apart', example: 'ci-pipeline' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name: string;

  @ApiProperty({ enum: ['admin', 'publisher'], description: 'admin manages the project; publisher may only publish events' })
  @IsIn(['admin', 'publisher'], { message: 'role must be admin or publisher' })
  role: 'admin' | 'publisher';
}
