/** The API's shapes the console reads (snake_case, as the API speaks). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  description?: string;
  default?: unknown;
  format?: string;
  writeOnly?: boolean;
  [keyword: string]: unknown;
}

export interface ChannelAction {
  id: string;
  display_name: string;
  description: string | null;
  config_schema: JsonSchema;
  secret_fields: string[];
  defaults: {
    retry_policy: { max_attempts: number; initial_delay_ms: number; max_delay_ms: number; timeout_ms: number };
    rate_limits: Array<{ max: number; per_ms: number }>;
  };
}

export interface Channel {
  id: string;
  display_name: string;
  actions: ChannelAction[];
}

export interface Health {
  consecutive_failures: number;
  failing_since: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  paused_until: string | null;
  disabled_reason: string | null;
  disabled_at: string | null;
}

export interface Subscription {
  id: string;
  name: string;
  channel: string;
  action: string;
  event_types: string[];
  config: Record<string, unknown>;
  enabled: boolean;
  retry_policy: Record<string, number> | null;
  rate_limit: { max: number; per_ms: number } | null;
  failure_notice: boolean | string[] | null;
  filters: Filters | null;
  health: Health;
  created_at: string;
  updated_at: string;
}

export interface Filters {
  keywords?: string[];
  keyword_fields?: string[];
  active_hours?: { start: string; end: string; time_zone: string; days?: number[]; outside: 'hold' | 'drop' };
  frequency_limit?: { max: number; per_seconds: number };
  dedupe_window_seconds?: number;
}

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed' | 'skipped';

export interface Delivery {
  id: string;
  event_id: string;
  subscription_id: string;
  status: DeliveryStatus;
  attempt_count: number;
  attempts_allowed: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface Attempt {
  number: number;
  started_at: string;
  duration_ms: number | null;
  outcome: string;
  request: unknown;
  response_status: number | null;
  response_excerpt: string | null;
  error: string | null;
}

export interface DeliveryDetail extends Delivery {
  attempts: Attempt[];
}

export interface Page<T> {
  data: T[];
  next_cursor?: string | null;
}

export interface TestResult {
  outcome: 'delivered' | 'retry' | 'failed';
  reason: string | null;
  retry_after_ms: number | null;
  request: unknown;
  response: { status?: number; body?: unknown; excerpt?: string } | null;
}

export interface EventType {
  type: string;
  catalog: string;
  /** A text, or one per language. */
  description?: string | { zh?: string; en?: string } | null;
  example?: unknown;
}

export interface Stats {
  total: number;
  succeeded: number;
  failed: number;
  in_flight: number;
  skipped?: number;
  success_rate: number | null;
  last_success_at: string | null;
  last_failure: { delivery_id: string; at: string; reason: string } | null;
  series?: Array<{ start: string; succeeded: number; failed: number; skipped: number }>;
}

export interface ApiKey {
  id: string;
  name?: string | null;
  role: 'admin' | 'publisher';
  key?: string;
  key_prefix?: string;
  created_at?: string;
  last_used_at?: string | null;
}

export interface IngestToken {
  id: string;
  adapter: string;
  name: string;
  token?: string;
  url?: string;
  created_at?: string;
  last_used_at?: string | null;
}

export interface Project {
  id: string;
  key: string;
  name: string;
  created_at?: string;
  api_keys?: ApiKey[];
}
