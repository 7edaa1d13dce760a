import { Alert, Descriptions, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, herald } from '../api/client';
import type { DeliveryDetail } from '../api/types';
import { useLoad } from '../api/use-load';

/** One delivery's attempts: time, duration, outcome, the redacted request, the answer, the error. */
export function Attempts({ deliveryId }: { deliveryId: string }) {
  const { t } = useTranslation();
  const detail = useLoad(
    () => answer(herald.GET('/v1/deliveries/{id}', { params: { path: { id: deliveryId } } })) as unknown as Promise<DeliveryDetail>,
    [deliveryId],
  );
  if (detail.loading && !detail.data) return <Spin />;
  if (detail.error) return <Alert type="error" showIcon title={detail.error.message} />;
  const attempts = detail.data?.attempts ?? [];
  return (
    <section aria-label={t('attempt.list')}>
      <List
        dataSource={attempts}
        locale={{ emptyText: t('attempt.none') }}
        renderItem={(attempt) => (
          <List.Item>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              title={t('attempt.title', { number: attempt.number })}
              items={[
                { key: 'time', label: t('attempt.time'), children: new Date(attempt.started_at).toLocaleString() },
                {
                  key: 'duration',
                  label: t('attempt.duration'),
                  children: attempt.duration_ms === null ? '—' : `${attempt.duration_ms} ms`,
                },
                {
                  key: 'outcome',
                  label: t('attempt.outcome'),
                  children: t(`outcome.${attempt.outcome}`, { defaultValue: attempt.outcome }),
                },
                { key: 'status', label: t('attempt.responseStatus'), children: attempt.response_status ?? '—' },
                { key: 'error', label: t('attempt.error'), span: 2, children: attempt.error ?? '—' },
                {
                  key: 'answer',
                  label: t('attempt.responseBody'),
                  span: 2,
                  children: attempt.response_excerpt ? <Typography.Text code>{attempt.response_excerpt}</Typography.Text> : '—',
                },
                {
                  key: 'request',
                  label: t('attempt.request'),
                  span: 2,
                  children: (
                    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                      {JSON.stringify(attempt.request, null, 2)}
                    </pre>
                  ),
                },
              ]}
            />
          </List.Item>
        )}
      />
    </section>
  );
}
