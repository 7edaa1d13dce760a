import { createHeraldClient, type HeraldClient } from '@herald/api-client';

export const DEFAULT_URL = 'http://127.0.0.1:3000';

/** A failure the person at the terminal can act on: the message says what went wrong and what to do. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface ConnectionOptions {
  url?: string;
  key?: string;
}

export interface Connection {
  url: string;
  client: HeraldClient;
}

/** The server and key, from the flags first, then HERALD_URL and HERALD_KEY. */
export function connect(options: ConnectionOptions, env: NodeJS.ProcessEnv = process.env): Connection {
  const url = (options.url ?? env.HERALD_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  try {
    new URL(url);
  } catch {
    throw new CliError(`"${url}" is not a URL: give the server's address as --url or HERALD_URL, such as ${DEFAULT_URL}`);
  }
  const key = options.key ?? env.HERALD_KEY;
  return { url, client: createHeraldClient({ baseUrl: url, apiKey: key || undefined }) };
}

interface ApiAnswer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Runs one API call and returns its data, or throws a CliError that says what to do. */
export async function call<T>(connection: Connection, request: () => Promise<ApiAnswer<T>>): Promise<T> {
  let answer: ApiAnswer<T>;
  try {
    answer = await request();
  } catch (error) {
    throw unreachable(connection.url, error);
  }
  if (answer.response.ok) return answer.data as T;
  throw refused(answer.response, answer.error);
}

function unreachable(url: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new CliError(
    `cannot reach the Herald server at ${url} (${reason}): is the server running at ${url}? Point --url or HERALD_URL at it.`,
  );
}

function refused(response: Response, error: unknown): CliError {
  const body = error as { message?: unknown; errors?: Array<{ field?: string; reason?: string }> } | undefined;
  const message = Array.isArray(body?.message) ? body.message.join('; ') : String(body?.message ?? response.statusText);
  const requestId = response.headers.get('x-request-id');
  switch (response.status) {
    case 401:
      return new CliError(`the server did not accept the key (401: ${message}): check HERALD_KEY or --key.`);
    case 403:
      return new CliError(
        `this key may not do that (403: ${message}): use an admin key of the project (projects need the root key, HERALD_ROOT_KEY on the server).`,
      );
    case 404:
      return new CliError(`not found (404: ${message}): check the id, and that the key belongs to the project that owns it.`);
    case 429:
      return new CliError(
        `the server is rate limiting this key (429): try again in ${response.headers.get('retry-after') ?? 'a few'} seconds.`,
      );
    default:
      if (response.status >= 500) {
        return new CliError(
          `the server failed (${response.status}: ${message})${requestId ? `; its log has the details under request id ${requestId}` : ''}.`,
        );
      }
      return new CliError(`the server refused the request (${response.status}: ${message}).`);
  }
}
