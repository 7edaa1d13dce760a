import { Alert, Card, Col, Form, Row, Segmented, Select, Spin, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { answer, herald } from '../api/client';
import { loadSubscriptions } from '../api/resources';
import type { Stats } from '../api/types';
import { useLoad } from '../api/use-load';

const SuccessChart = lazy(() => import('../components/success-chart'));

const WINDOWS = [
  { window: '1h', bucket: '5m' },
  { window: '24h', bucket: '1h' },
  { window: '7d', bucket: '6h' },
  { window: '30d', bucket: '1d' },
];

const statsOf = (id: string, query: { window?: string; bucket?: string } = {}) =>
  answer(herald.GET('/v1/subscriptions/{id}/stats', { params: { path: { id }, query } })) as unknown as Promise<Stats>;

const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 成功率: the project's totals, and one notification's deliveries over a chosen window. */
export default function StatsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [window, setWindow] = useState('24h');
  const subscriptions = useLoad(loadSubscriptions, []);
  const subscriptionId = search.get('subscription') ?? subscriptions.data?.[0]?.id;
  const totals = useLoad(async () => {
    const list = subscriptions.data ?? [];
    const all = await Promise.all(list.map((entry) => statsOf(entry.id)));
    const sum = (pick: (stats: Stats) => number | undefined) => all.reduce((total, stats) => total + (pick(stats) ?? 0), 0);
    const succeeded = sum((stats) => stats.succeeded);
    const failed = sum((stats) => stats.failed);
    return {
      total: sum((stats) => stats.total),
      succeeded,
      failed,
      in_flight: sum((stats) => stats.in_flight),
      rate: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
    };
  }, [subscriptions.data]);
  const bucket = WINDOWS.find((entry) => entry.window === window)?.bucket ?? '1h';
  const stats = useLoad(
    () => (subscriptionId ? statsOf(subscriptionId, { window, bucket }) : Promise.resolve(null)),
    [subscriptionId, window],
  );

  return (
    <section aria-labelledby="stats-title">
      <Typography.Title level={1} id="stats-title" style={{ fontSize: 24 }}>
        {t('stats.title')}
      </Typography.Title>
      <Card title={t('stats.project')} style={{ marginBottom: 24 }} loading={totals.loading}>
        <Row gutter={16}>
          <Col span={6}>
            <Statistic title={t('stats.total')} value={totals.data?.total ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic title={t('status.succeeded')} value={totals.data?.succeeded ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic title={t('status.failed')} value={totals.data?.failed ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic title={t('stats.successRate')} value={percent(totals.data?.rate)} />
          </Col>
        </Row>
      </Card>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('history.notification')} htmlFor="stats-subscription">
          <Select
            id="stats-subscription"
            style={{ minWidth: 220 }}
            value={subscriptionId}
            onChange={(value) => setSearch({ subscription: value })}
            options={(subscriptions.data ?? []).map((entry) => ({ value: entry.id, label: entry.name }))}
          />
        </Form.Item>
        <Form.Item label={t('stats.window')}>
          <Segmented
            aria-label={t('stats.window')}
            value={window}
            onChange={(value) => setWindow(String(value))}
            options={WINDOWS.map((entry) => ({ value: entry.window, label: t(`stats.windows.${entry.window}`) }))}
          />
        </Form.Item>
      </Form>
      {stats.error ? <Alert type="error" showIcon title={stats.error.message} /> : null}
      {stats.data ? (
        <Card title={t('stats.subscription')}>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Statistic title={t('stats.successRate')} value={percent(stats.data.success_rate)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('status.succeeded')} value={stats.data.succeeded} />
            </Col>
            <Col span={6}>
              <Statistic title={t('status.failed')} value={stats.data.failed} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('stats.lastFailure')}
                value={stats.data.last_failure ? new Date(stats.data.last_failure.at).toLocaleString() : '—'}
              />
            </Col>
          </Row>
          {stats.data.series ? (
            <figure aria-label={t('stats.chartLabel')} style={{ margin: 0 }}>
              <Suspense fallback={<Spin />}>
                <SuccessChart series={stats.data.series} />
              </Suspense>
            </figure>
          ) : (
            <Alert type="info" showIcon title={t('stats.noSeries')} />
          )}
        </Card>
      ) : null}
    </section>
  );
}
