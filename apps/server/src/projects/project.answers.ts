import { ApiProperty } from '@nestjs/swagger';
import { CreatedApiKeyAnswer } from '../auth/api-key.answers.js';

export class ProjectAnswer {
  @ApiProperty({ example: 'prj_01jh2y7q4zc3m8v5w6x7y8z9ab' })
  id: string;

  @ApiProperty({ example: 'helpdesk' })
  key: string;

  @ApiProperty({ example: 'Help desk' })
  name: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Days its events and deliveries are kept; null: the installation default' })
  retention_days: number | null;

  @ApiProperty()
  created_at: Date;
}

export class ProjectListAnswer {
  @ApiProperty({ type: [ProjectAnswer] })
  data: ProjectAnswer[];
}

export class CreatedProjectAnswer {
  @ApiProperty({ example: 'prj_01jh2y7q4zc3m8v5w6x7y8z9ab' })
  id: string;

  @ApiProperty({ example: 'helpdesk' })
  key: string;

  @ApiProperty({ example: 'Help desk' })
  name: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Days its events and deliveries are kept; null: the installation default' })
  retention_days: number | null;

  @ApiProperty({ type: [CreatedApiKeyAnswer], description: 'One admin and one publisher key (named after their roles), shown once' })
  api_keys: CreatedApiKeyAnswer[];
}
