import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorAnswer {
  @ApiProperty({ description: 'The path of the field, as sent', example: 'config.service_url' })
  field: string;

  @ApiProperty({ description: 'What is wrong with it', example: 'config.service_url must be an http(s) URL' })
  message: string;
}

/** Every error answer: 4xx and 5xx alike. */
export class ErrorAnswer {
  @ApiProperty({ description: 'The HTTP status, repeated', example: 400 })
  statusCode: number;

  @ApiProperty({ description: "The status's name", example: 'Bad Request' })
  error: string;

  @ApiProperty({
    description: 'What went wrong, precisely enough to fix the request',
    example: 'type must be 1 to 200 letters, digits or _ . : / -',
  })
  message: string;

  @ApiPropertyOptional({ description: 'On validation errors: one entry per field refused', type: [FieldErrorAnswer] })
  errors?: FieldErrorAnswer[];
}
