import { ApiProperty } from '@nestjs/swagger';

export class HealthChecksAnswer {
  @ApiProperty({ description: '`up`, or `down: <why>`', example: 'up' })
  postgres: string;

  @ApiProperty({ description: '`up`, or `down: <why>`', example: 'up' })
  redis: string;
}

export class HealthAnswer {
  @ApiProperty({ enum: ['ok', 'unavailable', 'draining'] })
  status: string;

  @ApiProperty({ type: HealthChecksAnswer })
  checks: HealthChecksAnswer;
}

export class LivenessAnswer {
  @ApiProperty({ enum: ['ok'] })
  status: string;
}
