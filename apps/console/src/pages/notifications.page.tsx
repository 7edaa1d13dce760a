import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { answer, herald } from '../api/client';
import { actionName, channelName } from '../api/channel-texts';
import { actionOf, loadChannels, loadLastDelivery, loadSubscriptions } from '../api/resources';
import type { Delivery, Subscription } from '../api/types';
import { useLoad } from '../api/use-load';
import { ChannelLabel } from '../components/channel-icon';
import { DeliveryStatusTag, HealthTag } from '../components/status-tag';
import { TestSendButton } from '../components/test-send';

/** 通知设置: the project's notifications, each with its 启用 switch acting at once. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const channels = useLoad(loadChannels, []);
  const subscriptions = useLoad(loadSubscriptions, []);
  const [lastDeliveries, setLastDeliveries] = useState<Record<string, Delivery | null>>({});
  const [switching, setSwitching] = useState<string | null>(null);

  useEffect(() => {
    const list = subscriptions.data ?? [];
    void Promise.all(
      list.map(async (subscription) => [subscription.id, await loadLastDelivery(subscription.id).catch(() => null)] as const),
    ).then((entries) => setLastDeliveries(Object.fromEntries(entries)));
  }, [subscriptions.data]);

  const setEnabled = async (subscription: Subscription, enabled: boolean) => {
    setSwitching(subscription.id);
    try {
      const changed = (await answer(
        herald.PATCH('/v1/subscriptions/{id}', { params: { path: { id: subscription.id } }, body: { enabled } }),
      )) as unknown as Subscription;
      subscriptions.setData((subscriptions.data ?? []).map((entry) => (entry.id === changed.id ? changed : entry)));
      message.success(t(enabled ? 'list.enabledNow' : 'list.disabledNow', { name: subscription.name }));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSwitching(null);
    }
  };

  const remove = async (subscription: Subscription) => {
    await answer(herald.DELETE('/v1/subscriptions/{id}', { params: { path: { id: subscription.id } } }));
    message.success(t('list.deleted', { name: subscription.name }));
    await subscriptions.reload();
  };

  return (
    <section aria-labelledby="notifications-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} id="notifications-title" style={{ fontSize: 24, margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/notifications/new')}>
          {t('list.create')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      {subscriptions.error ? <Alert type="error" showIcon title={subscriptions.error.message} /> : null}
      <Table<Subscription>
        rowKey="id"
        loading={subscriptions.loading}
        dataSource={subscriptions.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
          {
            title: t('fields.channel'),
            render: (_, subscription) => {
              const { channel, action } = actionOf(channels.data, subscription.channel, subscription.action);
              return (
                <Space direction="vertical" size={0}>
                  <ChannelLabel
                    channel={subscription.channel}
                    name={channel ? channelName(channel, i18n.resolvedLanguage) : subscription.channel}
                  />
                  <Typography.Text type="secondary">
                    {action ? actionName(action, i18n.resolvedLanguage) : subscription.action}
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t('fields.events'),
            dataIndex: 'event_types',
            render: (types: string[]) => types.map((type) => <Tag key={type}>{type}</Tag>),
          },
          {
            title: t('fields.enabled'),
            render: (_, subscription) => (
              <Switch
                checked={subscription.enabled}
                loading={switching === subscription.id}
                aria-label={`${t('fields.enabled')}: ${subscription.name}`}
                onChange={(checked) => setEnabled(subscription, checked)}
              />
            ),
          },
          {
            title: t('list.health'),
            render: (_, subscription) => <HealthTag health={subscription.health} enabled={subscription.enabled} />,
          },
          {
            title: t('list.lastDelivery'),
            render: (_, subscription) => {
              const last = lastDeliveries[subscription.id];
              if (!last) return <Typography.Text type="secondary">{t('list.never')}</Typography.Text>;
              return (
                <Space direction="vertical" size={0}>
                  <DeliveryStatusTag status={last.status} />
                  <Typography.Text type="secondary">{new Date(last.created_at).toLocaleString()}</Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t('common.actions'),
            render: (_, subscription) => (
              <Space wrap>
                <Link to={`/notifications/${subscription.id}/edit`} aria-label={`${t('actions.edit')}: ${subscription.name}`}>
                  {t('actions.edit')}
                </Link>
                <TestSendButton subscription={subscription} />
                <Link to={`/history?subscription=${subscription.id}`} aria-label={`${t('nav.history')}: ${subscription.name}`}>
                  {t('nav.history')}
                </Link>
                <Link to={`/stats?subscription=${subscription.id}`} aria-label={`${t('nav.stats')}: ${subscription.name}`}>
                  {t('nav.stats')}
                </Link>
                <Popconfirm title={t('list.confirmDelete', { name: subscription.name })} onConfirm={() => remove(subscription)}>
                  <Button size="small" danger aria-label={`${t('actions.delete')}: ${subscription.name}`}>
                    {t('actions.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
