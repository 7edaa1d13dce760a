import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, herald } from '../api/client';
import { ApiError } from '../api/api-error';
import type { IngestToken } from '../api/types';
import { useLoad } from '../api/use-load';
import { CreatedSecretModal } from '../components/created-secret-modal';

const ADAPTERS = ['feishu-project', 'generic', 'alertmanager'] as const;
type Adapter = (typeof ADAPTERS)[number];
const loadTokens = () => answer(herald.GET('/v1/ingest-tokens')).then((page) => page.data as unknown as IngestToken[]);

/** 接收地址: URLs with a token for senders that cannot set a header (Feishu Project, Weiyu, Apipost). */
export default function IngestTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useLoad(loadTokens, []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<IngestToken | null>(null);
  const [form] = Form.useForm();
  const adapter = Form.useWatch('adapter', form);

  const create = async (values: { adapter: Adapter; name: string; verification_token?: string; type_path?: string }) => {
    try {
      setCreated(
        (await answer(
          herald.POST('/v1/ingest-tokens', {
            body: { ...values, verification_token: values.verification_token || undefined, type_path: values.type_path || undefined },
          }),
        )) as unknown as IngestToken,
      );
      setCreating(false);
      form.resetFields();
      await tokens.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const revoke = async (token: IngestToken) => {
    try {
      await answer(herald.DELETE('/v1/ingest-tokens/{id}', { params: { path: { id: token.id } } }));
      message.success(t('ingest.revoked'));
      await tokens.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const missing = tokens.error instanceof ApiError && tokens.error.status === 404;
  const url = (token: IngestToken) => (token.url ? new URL(token.url, window.location.origin).toString() : '');

  return (
    <section aria-labelledby="ingest-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} id="ingest-title" style={{ fontSize: 24, margin: 0 }}>
          {t('ingest.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} disabled={missing}>
          {t('ingest.create')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('ingest.intro')}</Typography.Paragraph>
      {missing ? <Alert type="info" showIcon title={t('common.notOffered')} /> : null}
      {tokens.error && !missing ? <Alert type="error" showIcon title={tokens.error.message} /> : null}
      <Table<IngestToken>
        rowKey="id"
        loading={tokens.loading}
        dataSource={tokens.data ?? []}
        pagination={false}
        columns={[
          { title: t('fields.name'), dataIndex: 'name' },
          {
            title: t('ingest.adapter'),
            dataIndex: 'adapter',
            render: (value: string) => t(`ingest.adapters.${value}`, { defaultValue: value }),
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
            render: (_, token) => (
              <Popconfirm title={t('ingest.confirmRevoke')} onConfirm={() => revoke(token)}>
                <Button size="small" danger aria-label={`${t('keys.revoke')}: ${token.name}`}>
                  {t('keys.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('ingest.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
      >
        <Form form={form} name="create-ingest-url" layout="vertical" onFinish={create} initialValues={{ adapter: 'feishu-project' }}>
          <Form.Item name="adapter" label={t('ingest.adapter')}>
            <Select options={ADAPTERS.map((value) => ({ value, label: t(`ingest.adapters.${value}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, message: t('form.required') }]}>
            <Input />
          </Form.Item>
          {adapter === 'feishu-project' ? (
            <Form.Item name="verification_token" label={t('ingest.verificationToken')} extra={t('ingest.verificationTokenHelp')}>
              <Input />
            </Form.Item>
          ) : null}
          {adapter === 'generic' ? (
            <Form.Item name="type_path" label={t('ingest.typePath')} extra={t('ingest.typePathHelp')}>
              <Input />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
      <CreatedSecretModal
        title={t('ingest.created')}
        secrets={
          created
            ? [
                { label: t('ingest.url'), value: url(created) },
                ...(created.token ? [{ label: t('ingest.token'), value: created.token }] : []),
              ]
            : null
        }
        onClose={() => setCreated(null)}
      />
    </section>
  );
}
