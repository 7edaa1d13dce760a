import { session } from '../session/session';

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

  /** An older server's message of `field reason; …` parts, read as field errors. */
  static fieldErrorsOf(message: string): FieldError[] {
    return fieldErrorsOf(message);
  }
}

/**
 * For the few endpoints the OpenAPI document (and so @herald/api-client) does not list yet:
 * calls the Herald API on this origin with the session's key (or the one given).
 * Field errors come from `errors`; an older server that only sends a message of `field reason; …`
 * parts is read the same way.
 */
export async function request<T>(method: string, path: string, body?: unknown, key = session.key()): Promise<T> {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const answer = (parsed ?? {}) as { message?: string | string[]; errors?: FieldError[] };
    const message = Array.isArray(answer.message) ? answer.message.join('; ') : (answer.message ?? response.statusText);
    throw new ApiError(response.status, message, answer.errors ?? fieldErrorsOf(message));
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const FIELD_AT_START = /^([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)\s(.+)$/;

function fieldErrorsOf(message: string): FieldError[] {
  return message
    .split('; ')
    .map((part) => FIELD_AT_START.exec(part))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ field: match[1], message: match[0] }));
}
