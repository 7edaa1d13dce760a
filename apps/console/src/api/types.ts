import type { Schemas } from '@herald/api-client';

/**
 * The API's shapes the console reads (snake_case, as the API speaks). Answers the OpenAPI document
 * describes are its generated types; the rest are what the console narrows further.
 */
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
  /** The name in Chinese, when the channel package gives one. */
  display_name_zh?: string | null;
  description: string | null;
  description_zh?: string | null;
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
  display_name_zh?: string | null;
  actions: ChannelAction[];
}

export type Health = Schemas['SubscriptionHealthAnswer'];

export type Subscription = Schemas['SubscriptionAnswer'];

export interface Filters {
  keywords?: string[];
  keyword_fields?: string[];
  active_hours?: { start: string; end: string; time_zone: string; days?: number[]; outside: 'hold' | 'drop' };
  frequency_limit?: { max: number; per_seconds: number };
  dedupe_window_seconds?: number;
}

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed' | 'skipped';

export type Delivery = Schemas['DeliveryAnswer'];

export type Attempt = Schemas['AttemptAnswer'];

export type DeliveryDetail = Schemas['DeliveryWithAttemptsAnswer'];

export interface Page<T> {
  data: T[];
  next_cursor?: string | null;
}

export type TestResult = Schemas['TestSendAnswer'];

export type EventType = Schemas['EventTypeAnswer'];

export type Stats = Schemas['SubscriptionStatsAnswer'];

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
