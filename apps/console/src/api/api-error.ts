export interface FieldError {
  field: string;
  message: string;
}

/** An API error answer: `{statusCode, error, message, errors?: [{field, message}]}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
  }

  /** A message of `field reason; …` parts (an answer without `errors`), read as field errors. */
  static fieldErrorsOf(message: string): FieldError[] {
    return message
      .split('; ')
      .map((part) => FIELD_AT_START.exec(part))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ field: match[1], message: match[0] }));
  }
}

const FIELD_AT_START = /^([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)\s(.+)$/;
