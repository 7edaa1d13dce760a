import { BadRequestException } from '@nestjs/common';

/** A 400 naming the field and the reason: `{statusCode, error, message, errors: [{field, message}]}`. */
export function badRequest(field: string, reason: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `${field} ${reason}`,
    errors: [{ field, message: reason }],
  });
}
