import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorAnswer } from './error.answer.js';

const MEANINGS: Record<number, string> = {
  400: 'The request is invalid; the message (and `errors`, for validation) names each field and why',
  401: 'No API key, or not a valid one',
  403: "The key's role may not do this",
  404: 'No such object in the calling project',
  409: 'Conflicts with the current state',
  413: 'The body is too large',
  429: 'The API key made too many requests; wait for Retry-After seconds',
  503: 'A dependency (PostgreSQL, Redis) is unavailable',
};

/** Documents error answers of a route, all in the one error shape. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: MEANINGS[status] ?? 'Error', type: ErrorAnswer })));
}
