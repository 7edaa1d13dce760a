import type { RetryPolicySetting } from './subscription.entity.js';

/**
 * Ready-made delivery settings a subscription takes in one field instead of a hand-written
 * `retry_policy`. `feishu_project`: what Feishu Project's own webhooks do — a 6 s time-out and at
 * most 3 retries (4 attempts in all).
 */
export const PRESETS = {
  feishu_project: { timeout_ms: 6_000, max_attempts: 4 },
} as const satisfies Record<string, RetryPolicySetting>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/**
 * The retry policy stored for a subscription: its preset's values, overridden field by field by
 * what the subscription sets itself. Stored whole, so every reader of `retry_policy` applies it.
 */
export function withPreset(preset: string | null, own: RetryPolicySetting | null): RetryPolicySetting | null {
  const values = preset ? PRESETS[preset as PresetName] : undefined;
  if (!values) return own;
  return { ...values, ...definedFields(own) };
}

/** The subscription's own fields of a stored policy: those its preset did not set. */
export function withoutPreset(preset: string | null, stored: RetryPolicySetting | null): RetryPolicySetting | null {
  const values: RetryPolicySetting | undefined = preset ? PRESETS[preset as PresetName] : undefined;
  if (!values || !stored) return stored;
  const own = Object.fromEntries(
    Object.entries(definedFields(stored)).filter(([field, value]) => values[field as keyof RetryPolicySetting] !== value),
  );
  return Object.keys(own).length > 0 ? own : null;
}

function definedFields(setting: RetryPolicySetting | null): RetryPolicySetting {
  return Object.fromEntries(Object.entries(setting ?? {}).filter(([, value]) => value !== undefined && value !== null));
}
