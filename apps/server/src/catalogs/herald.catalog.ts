import { type Catalog, type CatalogEntry, integer, object, string } from './catalog-entry.js';

/** Herald's own notices, sent to the subscriptions marked with `failure_notice`. */

const about = {
  subscription_id: string('the subscription the notice is about'),
  name: string('its name'),
  channel: string(),
  action: string(),
  last_error: string('the last error the destination gave'),
};
const aboutExample = { subscription_id: 'sub_01hmq3v8k2', name: '钉钉运维群', channel: 'dingtalk', action: 'dingding_group_chat_robot' };

const entries: CatalogEntry[] = [
  {
    type: 'herald.subscription.paused',
    catalog: 'herald',
    description: {
      zh: '订阅因连续失败被暂停(投递在恢复后继续)',
      en: 'A subscription was paused after a run of failures; its deliveries wait',
    },
    schema: object({ ...about, reason: string(), paused_until: { type: 'string', format: 'date-time' } }, [
      'subscription_id',
      'reason',
      'paused_until',
    ]),
    example: {
      ...aboutExample,
      reason: '5 attempts in a row failed',
      paused_until: '2024-01-15T10:31:00Z',
      last_error: 'DingTalk refused the message: keywords not in content',
    },
  },
  {
    type: 'herald.subscription.disabled',
    catalog: 'herald',
    description: { zh: '订阅因长期失败被停用', en: 'A subscription was disabled after failing for days' },
    schema: object({ ...about, reason: string() }, ['subscription_id', 'reason']),
    example: { ...aboutExample, reason: 'every attempt failed for 3 days with no success', last_error: 'connect ECONNREFUSED' },
  },
  {
    type: 'herald.delivery.failed',
    catalog: 'herald',
    description: {
      zh: '一次投递最终失败(重试用尽或被平台拒绝)',
      en: 'A delivery failed for good (attempts ran out or the platform refused it)',
    },
    schema: object(
      {
        ...about,
        delivery_id: string(),
        event_id: string(),
        event_type: string(),
        attempts: integer('attempts made'),
      },
      ['subscription_id', 'delivery_id', 'event_id', 'event_type', 'last_error'],
    ),
    example: {
      ...aboutExample,
      delivery_id: 'dlv_01hmq3w1x9',
      event_id: 'evt_01hmq3w0aa',
      event_type: 'alertmanager.firing',
      attempts: 4,
      last_error: 'gave up after 4 attempts: DingTalk answered 502',
    },
  },
];

export const heraldCatalog: Catalog = { id: 'herald', name: { zh: 'Herald 通知', en: 'Herald notices' }, source: 'Herald', entries };
