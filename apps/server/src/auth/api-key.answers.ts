import { ApiProperty } from '@nestjs/swagger';

/** A key as listed: never the key itself, which is not kept. */
export class ApiKeyAnswer {
  @ApiProperty({ example: 'key_01jh2y7q4zc3m8v5w6x7y8z9ab' })
  id: string;

  @ApiProperty({ example: 'ci-pipeline' })
  name: string;

  @ApiProperty({ enum: ['admin', 'publisher'] })
  role: string;

  @ApiProperty({ description: 'The first characters of the key, to recognise it', example: 'hkp_3q2x' })
  key_prefix: string;

  @ApiProperty()
  created_at: Date;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a request last presented it (to within about 10 seconds); null if never',
  })
  last_used_at: Date | null;
}

export class ApiKeyListAnswer {
  @ApiProperty({ type: [ApiKeyAnswer] })
  data: ApiKeyAnswer[];
}

export class CreatedApiKeyAnswer extends ApiKeyAnswer {
  @ApiProperty({ description: 'The key itself: shown in this answer only, store it now', example: 'hkp_3q2x…' })
  key: string;
}
