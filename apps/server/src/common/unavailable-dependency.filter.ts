import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * Errors that are not HTTP errors: a lost database connection answers 503 with a clear message
 * (the request stored nothing, try again), anything else a plain 500 whose detail stays in the log.
 */
@Catch()
export class UnavailableDependencyFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Http');

  override catch(error: unknown, host: ArgumentsHost): void {
    if (error instanceof HttpException) {
      super.catch(error, host);
      return;
    }
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    if (isConnectionError(error)) {
      this.logger.warn(`database unavailable: ${(error as Error).message}`);
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the database is unavailable, so nothing was stored; try again shortly',
      });
      return;
    }
    this.logger.error((error as Error)?.stack ?? String(error));
    response.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'internal error' });
  }
}

export function isConnectionError(error: unknown): boolean {
  let current = error as { code?: string; message?: string; driverError?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current.code && CONNECTION_CODES.has(current.code)) return true;
    if (
      /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Connection is not established/i.test(
        current.message ?? '',
      )
    )
      return true;
    current = (current.driverError ?? current.cause) as typeof current;
  }
  return false;
}
