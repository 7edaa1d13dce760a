import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, herald } from '../api/client';
import { ApiError } from '../api/api-error';
import type { ApiKey } from '../api/types';
import { useLoad } from '../api/use-load';
import { CreatedSecretModal } from '../components/created-secret-modal';

const loadKeys = () => answer(herald.GET('/v1/api-keys')).then((page) => page.data as unknown as ApiKey[]);

/** API 密钥: the project's keys (admin manages, publisher publishes); create one, shown once; revoke. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const keys = useLoad(loadKeys, []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKey | null>(null);
  const [form] = Form.useForm();

  const create = async (values: { name: string; role: string }) => {
    try {
      setCreated(
        (await answer(herald.POST('/v1/api-keys', { body: values as { name: string; role: 'admin' | 'publisher' } }))) as unknown as ApiKey,
      );
      setCreating(false);
      form.resetFields();
      await keys.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const revoke = async (key: ApiKey) => {
    try {
      await answer(herald.DELETE('/v1/api-keys/{id}', { params: { path: { id: key.id } } }));
      message.success(t('keys.revoked'));
      await keys.reload();
    } catch (error) {
      message.error(error instanceof ApiError && error.status === 409 ? t('keys.lastAdmin') : (error as Error).message);
    }
  };
  const missing = keys.error instanceof ApiError && keys.error.status === 404;

  return (
    <section aria-labelledby="keys-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} id="keys-title" style={{ fontSize: 24, margin: 0 }}>
          {t('keys.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} disabled={missing}>
          {t('keys.create')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('keys.intro')}</Typography.Paragraph>
      {missing ? <Alert type="info" showIcon title={t('common.notOffered')} /> : null}
      {keys.error && !missing ? <Alert type="error" showIcon title={keys.error.message} /> : null}
      <Table<ApiKey>
        rowKey="id"
        loading={keys.loading}
        dataSource={keys.data ?? []}
        pagination={false}
        columns={[
          { title: t('fields.name'), dataIndex: 'name', render: (value: string | null) => value ?? '—' },
          { title: t('keys.roleLabel'), dataIndex: 'role', render: (role: string) => <Tag>{t(`keys.role.${role}`)}</Tag> },
          {
            title: t('keys.prefix'),
            dataIndex: 'key_prefix',
            render: (value?: string) => (value ? <Typography.Text code>{value}…</Typography.Text> : '—'),
          },
          {
            title: t('common.createdAt'),
            dataIndex: 'created_at',
            render: (value?: string) => (value ? new Date(value).toLocaleString() : '—'),
          },
          {
            title: t('keys.lastUsed'),
            dataIndex: 'last_used_at',
            render: (value?: string | null) => (value ? new Date(value).toLocaleString() : t('keys.neverUsed')),
          },
          {
            title: t('common.actions'),
            render: (_, key) => (
              <Popconfirm title={t('keys.confirmRevoke')} onConfirm={() => revoke(key)}>
                <Button size="small" danger aria-label={`${t('keys.revoke')}: ${key.name ?? key.id}`}>
                  {t('keys.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('keys.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
      >
        <Form form={form} name="create-key" layout="vertical" onFinish={create} initialValues={{ role: 'publisher' }}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, message: t('form.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('keys.roleLabel')} extra={t('keys.roleHelp')}>
            <Select
              options={[
                { value: 'admin', label: t('keys.role.admin') },
                { value: 'publisher', label: t('keys.role.publisher') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
      <CreatedSecretModal
        title={t('keys.created')}
        secrets={created?.key ? [{ label: `${created.name ?? ''} (${t(`keys.role.${created.role}`)})`, value: created.key }] : null}
        onClose={() => setCreated(null)}
      />
    </section>
  );
}
