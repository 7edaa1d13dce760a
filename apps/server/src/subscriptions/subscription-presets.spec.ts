import { describe, expect, it } from '@jest/globals';
import { statsWindow } from './stats-window.js';
import { withoutPreset, withPreset } from './subscription-presets.js';

describe('presets', () => {
  it.each([
    [null, null, null],
    [null, { max_attempts: 2 }, { max_attempts: 2 }],
    ['feishu_project', null, { timeout_ms: 6000, max_attempts: 4 }],
    ['feishu_project', { max_attempts: 2, initial_delay_ms: 500 }, { timeout_ms: 6000, max_attempts: 2, initial_delay_ms: 500 }],
  ])('%s with %j stores %j', (preset, own, stored) => {
    expect(withPreset(preset, own)).toEqual(stored);
  });

  it.each([
    ['feishu_project', { timeout_ms: 6000, max_attempts: 4 }, null],
    ['feishu_project', { timeout_ms: 6000, max_attempts: 2, initial_delay_ms: 500 }, { max_attempts: 2, initial_delay_ms: 500 }],
    [null, { max_attempts: 2 }, { max_attempts: 2 }],
  ])('%s taken out of %j leaves %j', (preset, stored, own) => {
    expect(withoutPreset(preset, stored)).toEqual(own);
  });
});

describe('stats window', () => {
  it.each([
    [undefined, undefined, { windowMs: 86_400_000, bucketMs: 3_600_000, buckets: 24 }],
    ['7d', '1d', { windowMs: 7 * 86_400_000, bucketMs: 86_400_000, buckets: 7 }],
    ['90m', '1h', { windowMs: 5_400_000, bucketMs: 3_600_000, buckets: 2 }],
  ])('window %s, bucket %s', (window, bucket, expected) => {
    expect(statsWindow(window, bucket)).toEqual(expected);
  });

  it.each([
    ['0h', '1m', 'window'],
    ['24', '1h', 'window'],
    ['91d', '1d', 'window'],
    ['1h', '0m', 'bucket'],
    ['1h', '2h', 'bucket'],
    ['30d', '1m', 'bucket'],
  ])('refuses window %s with bucket %s, naming %s', (window, bucket, field) => {
    expect(() => statsWindow(window, bucket)).toThrow(
      expect.objectContaining({ response: expect.objectContaining({ errors: [expect.objectContaining({ field })] }) }),
    );
  });
});
