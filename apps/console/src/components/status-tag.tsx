import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, Health } from '../api/types';

const STATUS_COLORS: Record<DeliveryStatus, string> = {
  pending: 'processing',
  delivering: 'processing',
  succeeded: 'success',
  failed: 'error',
  skipped: 'default',
};

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

/** Healthy, failing (n in a row), paused until a time, or disabled with Herald's reason. */
export function HealthTag({ health, enabled }: { health: Health; enabled: boolean }) {
  const { t } = useTranslation();
  if (health.disabled_reason) return <Tag color="error">{t('health.disabled', { reason: health.disabled_reason })}</Tag>;
  if (!enabled) return <Tag>{t('health.off')}</Tag>;
  if (health.paused_until)
    return <Tag color="warning">{t('health.paused', { until: new Date(health.paused_until).toLocaleString() })}</Tag>;
  if (health.consecutive_failures > 0) return <Tag color="warning">{t('health.failing', { count: health.consecutive_failures })}</Tag>;
  return <Tag color="success">{t('health.healthy')}</Tag>;
}
