import { createHeraldClient, type HeraldClient } from '@herald/api-client';
import { session } from '../session/session';
import { ApiError, type FieldError } from './api-error';

/** The typed client of @herald/api-client, on this origin, with the session's key. */
export const herald = clientFor(() => session.key() ?? undefined);

export function clientFor(apiKey: string | (() => string | undefined)): HeraldClient {
  return createHeraldClient({ baseUrl: window.location.origin, apiKey });
}

/** The answer's data, or an ApiError carrying the API's message and field errors. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { message?: string | string[]; errors?: FieldError[] };
  const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
  throw new ApiError(response.status, message, body.errors ?? ApiError.fieldErrorsOf(message));
}
