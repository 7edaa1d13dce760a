import { ApiProperty } from '@nestjs/swagger';

export class ProjectAnswer {
  @ApiProperty({ example: 'prj_01jh2y7q4zc3m8v5w6x7y8z9ab' })
  id: string;

  @ApiProperty({ example: 'helpdesk' })
  key: string;

  @ApiProperty({ example: 'Help desk' })
  name: string;

  @ApiProperty()
  created_at: Date;
}

export class ProjectListAnswer {
  @ApiProperty({ type: [ProjectAnswer] })
  data: ProjectAnswer[];
}

export class CreatedKeyOfProjectAnswer {
  @ApiProperty({ example: 'key_01jh2y7q4zc3m8v5w6x7y8z9ab' })
  id: string;

  @ApiProperty({ enum: ['admin', 'publisher'] })
  role: string;

  @ApiProperty({ description: 'The key itself: shown in this answer only, store it now', example: 'hka_3q2x…' })
  key: string;
}

export class CreatedProjectAnswer {
  @ApiProperty({ example: 'prj_01jh2y7q4zc3m8v5w6x7y8z9ab' })
  id: string;

  @ApiProperty({ example: 'helpdesk' })
  key: string;

  @ApiProperty({ example: 'Help desk' })
  name: string;

  @ApiProperty({ type: [CreatedKeyOfProjectAnswer], description: 'One admin and one publisher key, shown once' })
  api_keys: CreatedKeyOfProjectAnswer[];
}
