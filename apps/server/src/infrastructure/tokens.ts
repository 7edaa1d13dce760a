/** Injection tokens of the process-wide infrastructure. */
export const REDIS = Symbol.for('herald.Redis');
export const HTTP_TRANSPORT = Symbol.for('herald.HttpTransport');
export const SHARED_CACHE = Symbol.for('herald.SharedCache');
