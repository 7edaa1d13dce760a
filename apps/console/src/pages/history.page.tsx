import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { answer, herald } from '../api/client';
import { loadDeliveries, loadSubscriptions } from '../api/resources';
import type { Delivery, DeliveryStatus } from '../api/types';
import { useLoad } from '../api/use-load';
import { Attempts } from '../components/attempts';
import { DeliveryStatusTag } from '../components/status-tag';

const STATUSES: DeliveryStatus[] = ['pending', 'delivering', 'succeeded', 'failed', 'skipped'];
const PAGE_SIZE = 20;

/** 推送记录: deliveries newest first, filtered by notification and status, each opening into its attempts. */
export default function HistoryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const subscriptionId = search.get('subscription') ?? undefined;
  const status = (search.get('status') as DeliveryStatus | null) ?? undefined;
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const subscriptions = useLoad(loadSubscriptions, []);
  const page = useLoad(() => {
    return loadDeliveries({ limit: PAGE_SIZE, subscription_id: subscriptionId, status, cursor });
  }, [subscriptionId, status, cursor]);
  const names = Object.fromEntries((subscriptions.data ?? []).map((entry) => [entry.id, entry.name]));

  const filter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([]);
    setSearch(next);
  };

  const retry = async (delivery: Delivery) => {
    try {
      await answer(herald.POST('/v1/deliveries/{id}/retry', { params: { path: { id: delivery.id } } }));
      message.success(t('history.retried'));
      await page.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <section aria-labelledby="history-title">
      <Typography.Title level={1} id="history-title" style={{ fontSize: 24 }}>
        {t('history.title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('history.notification')} htmlFor="history-subscription">
          <Select
            id="history-subscription"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 220 }}
            allowClear
            placeholder={t('history.allNotifications')}
            value={subscriptionId}
            onChange={(value) => filter('subscription', value)}
            options={(subscriptions.data ?? []).map((entry) => ({ value: entry.id, label: entry.name }))}
          />
        </Form.Item>
        <Form.Item label={t('history.status')} htmlFor="history-status">
          <Select
            id="history-status"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 160 }}
            allowClear
            placeholder={t('history.allStatuses')}
            value={status}
            onChange={(value) => filter('status', value)}
            options={STATUSES.map((entry) => ({ value: entry, label: t(`status.${entry}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button onClick={() => page.reload()}>{t('common.refresh')}</Button>
        </Form.Item>
      </Form>
      {page.error ? <Alert type="error" showIcon title={page.error.message} /> : null}
      <Table<Delivery>
        rowKey="id"
        loading={page.loading}
        dataSource={page.data?.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('history.empty') }}
        expandable={{ expandedRowRender: (delivery) => <Attempts deliveryId={delivery.id} /> }}
        columns={[
          { title: t('history.time'), dataIndex: 'created_at', render: (value: string) => new Date(value).toLocaleString() },
          { title: t('history.notification'), dataIndex: 'subscription_id', render: (value: string) => names[value] ?? value },
          { title: t('history.event'), dataIndex: 'event_id', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
          { title: t('history.status'), dataIndex: 'status', render: (value: DeliveryStatus) => <DeliveryStatusTag status={value} /> },
          { title: t('history.attempts'), render: (_, delivery) => `${delivery.attempt_count} / ${delivery.attempts_allowed}` },
          { title: t('history.lastError'), dataIndex: 'last_error', render: (value: string | null) => value ?? '—' },
          {
            title: t('common.actions'),
            render: (_, delivery) =>
              delivery.status === 'failed' || delivery.status === 'succeeded' ? (
                <Button size="small" onClick={() => retry(delivery)} aria-label={`${t('history.retry')}: ${delivery.id}`}>
                  {t('history.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('common.previous')}
        </Button>
        <Button disabled={!page.data?.next_cursor} onClick={() => setCursors([...cursors, page.data?.next_cursor as string])}>
          {t('common.next')}
        </Button>
      </Space>
      {subscriptionId ? (
        <Redeliver subscriptionId={subscriptionId} name={names[subscriptionId] ?? ''} onDone={() => page.reload()} />
      ) : null}
    </section>
  );
}

/** 重新推送: every failed delivery of the notification finished since a time, delivered again now. */
function Redeliver({ subscriptionId, name, onDone }: { subscriptionId: string; name: string; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [since, setSince] = useState(() => localInputValue(new Date(Date.now() - 24 * 3600_000)));
  const run = async () => {
    try {
      const result = await answer(
        herald.POST('/v1/subscriptions/{id}/redeliver', {
          params: { path: { id: subscriptionId } },
          body: { since: new Date(since).toISOString() },
        }),
      );
      message.success(t('history.redelivered', { count: result.redelivered }));
      onDone();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Card size="small" style={{ marginTop: 24 }} title={t('history.redeliverTitle', { name })}>
      <Form layout="inline" onFinish={run}>
        <Form.Item label={t('history.failedSince')} htmlFor="redeliver-since">
          <Input id="redeliver-since" type="datetime-local" value={since} onChange={(event) => setSince(event.target.value)} />
        </Form.Item>
        <Button htmlType="submit">{t('history.redeliver')}</Button>
      </Form>
    </Card>
  );
}

function localInputValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}
