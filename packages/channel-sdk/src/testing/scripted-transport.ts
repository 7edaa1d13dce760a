import type { HttpRequest, HttpResponse, HttpTransport } from '../http-transport.js';

export type ScriptedAnswer = HttpResponse | Error | ((request: HttpRequest) => HttpResponse | Error);

/** A transport that answers from a script and keeps every request it was given. */
export interface ScriptedTransport extends HttpTransport {
  readonly requests: HttpRequest[];
}

export function scriptedTransport(answer: ScriptedAnswer): ScriptedTransport {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(request) {
      requests.push(request);
      const result = typeof answer === 'function' ? answer(request) : answer;
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function textAnswer(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'text/plain', ...headers }, body };
}
