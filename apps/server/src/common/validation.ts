import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { invalidInput, requiredField, type FieldError } from './field-errors.js';

/**
 * Refuses unknown fields and names each problem: `{ statusCode: 400, error, message: "type is
 * required; …", errors: [{ field: "type", message: "type is required" }, …] }`.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidInput(fieldErrors(errors, '')),
  });
}

/** class-validator's tree of errors as one entry per refused field, with its full path. */
export function fieldErrors(errors: readonly ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    if ('whitelistValidation' in constraints) return [{ field, message: `${field} is not a known field` }];
    if (error.value === undefined && Object.keys(constraints).length > 0) return [requiredField(field)];
    const own = Object.values(constraints).map((message) => ({
      field,
      message: message.startsWith(error.property) ? `${field}${message.slice(error.property.length)}` : `${field}: ${message}`,
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
