import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { badRequest } from '../common/bad-request.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
export const MAX_WINDOW_MS = 90 * UNITS.d!;
export const MIN_BUCKET_MS = UNITS.m!;
export const MAX_BUCKETS = 1_000;

/** `30m`, `24h`, `7d` in milliseconds, or undefined when it is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,5})([mhd])$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) * UNITS[match[2]!]!;
  return value > 0 ? value : undefined;
}

/** The window and bucket of a stats query, checked: a bucket of at least a minute, no longer than the window, at most 1000 of them. */
export function statsWindow(window = '24h', bucket = '1h'): { windowMs: number; bucketMs: number; buckets: number } {
  const windowMs = parseDuration(window);
  if (windowMs === undefined) throw badRequest('window', 'must be a duration such as 30m, 24h or 7d');
  if (windowMs > MAX_WINDOW_MS) throw badRequest('window', 'may be at most 90d');
  const bucketMs = parseDuration(bucket);
  if (bucketMs === undefined) throw badRequest('bucket', 'must be a duration such as 5m, 1h or 1d');
  if (bucketMs < MIN_BUCKET_MS) throw badRequest('bucket', 'must be at least 1m');
  if (bucketMs > windowMs) throw badRequest('bucket', `must not be longer than the window (${window})`);
  const buckets = Math.ceil(windowMs / bucketMs);
  if (buckets > MAX_BUCKETS)
    throw badRequest('bucket', `gives ${buckets} buckets over ${window}; at most ${MAX_BUCKETS} (choose a longer bucket)`);
  return { windowMs, bucketMs, buckets };
}

/** `?window=24h&bucket=1h` of GET /v1/subscriptions/:id/stats. */
export class StatsQuery {
  @ApiPropertyOptional({ description: 'How far back: minutes, hours or days (30m, 24h, 7d), at most 90d', example: '24h' })
  @IsOptional()
  @IsString()
  window?: string;

  @ApiPropertyOptional({ description: 'The width of a bucket, at least 1m; at most 1000 buckets', example: '1h' })
  @IsOptional()
  @IsString()
  bucket?: string;
}
