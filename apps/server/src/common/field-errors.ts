import { BadRequestException } from '@nestjs/common';

/** One refused field: its path as sent (`config.service_url`, `events.1.type`) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The 400 for invalid input: `{ statusCode, error, message, errors: [{ field, message }] }`, the
 * messages joined for a person and listed per field for a form. Repeats are dropped, and a field
 * that is missing is said to be required, once, rather than failing every check it was given.
 */
export function invalidInput(errors: readonly FieldError[]): BadRequestException {
  const unique = [...new Map(errors.map((error) => [`${error.field}\n${error.message}`, error])).values()];
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: unique.map((error) => error.message).join('; '),
    errors: unique,
  });
}

export function requiredField(field: string): FieldError {
  return { field, message: `${field} is required` };
}
