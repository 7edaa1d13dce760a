/**
 * A token bucket, as ntfy limits each visitor (Go's rate.Limiter): it starts full with `burst`
 * tokens and gains one every `refillMs`. The SDK's SlidingWindow counts a window instead, which
 * would refuse requests ntfy accepts.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly burst: number,
    readonly refillMs: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Takes a token at `now`; false when the bucket is empty. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) / this.refillMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
