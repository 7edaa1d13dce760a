import { Alert, App, Button, Form, Modal, Popconfirm, Space, Table, type TableColumnsType, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useLoad } from '../api/use-load';
import { CreatedSecretModal } from './created-secret-modal';

/** A credential the list shows: its id and name. */
interface Credential {
  id: string;
  name?: string | null;
  created_at?: string;
  last_used_at?: string | null;
}

/**
 * A page of revocable credentials (API keys, ingest URLs): the list, a form that creates one whose
 * secret is shown this once, and revoke behind a confirmation. The page names its texts, columns,
 * form fields and calls; this holds the state and the shape.
 */
export function RevocableCredentials<T extends Credential, V>({
  texts,
  load,
  columns,
  formName,
  initialValues,
  formFields,
  create,
  revoke,
  revokeError,
  secrets,
}: {
  /** The page's translations: `<texts>.title`, `.intro`, `.create`, `.created`, `.confirmRevoke` and `.revoked`. */
  texts: 'keys' | 'ingest';
  load(): Promise<T[]>;
  /** The columns before created, last used and revoke. */
  columns: TableColumnsType<T>;
  formName: string;
  initialValues: Partial<V>;
  formFields: ReactNode;
  create(values: V): Promise<T>;
  revoke(credential: T): Promise<unknown>;
  /** The message of a refused revocation; the error's own message when not given. */
  revokeError?(error: Error): string;
  /** The secrets of a credential just created, shown once (none: nothing to show). */
  secrets(created: T): Array<{ label: string; value: string }> | null;
}) {
  const { t } = useTranslation();
  const text = (name: 'title' | 'intro' | 'create' | 'created' | 'confirmRevoke' | 'revoked') => t(`${texts}.${name}`);
  const titleId = `${texts}-title`;
  const { message } = App.useApp();
  const list = useLoad(load, []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<T | null>(null);
  const [form] = Form.useForm();

  const submit = async (values: V) => {
    try {
      setCreated(await create(values));
      setCreating(false);
      form.resetFields();
      await list.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const revokeOne = async (credential: T) => {
    try {
      await revoke(credential);
      message.success(text('revoked'));
      await list.reload();
    } catch (error) {
      message.error(revokeError ? revokeError(error as Error) : (error as Error).message);
    }
  };
  const missing = list.error instanceof ApiError && list.error.status === 404;

  return (
    <section aria-labelledby={titleId}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} id={titleId} style={{ fontSize: 24, margin: 0 }}>
          {text('title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} disabled={missing}>
          {text('create')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{text('intro')}</Typography.Paragraph>
      {missing ? <Alert type="info" showIcon title={t('common.notOffered')} /> : null}
      {list.error && !missing ? <Alert type="error" showIcon title={list.error.message} /> : null}
      <Table<T>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          ...columns,
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
            render: (_, credential) => (
              <Popconfirm title={text('confirmRevoke')} onConfirm={() => revokeOne(credential)}>
                <Button size="small" danger aria-label={`${t('keys.revoke')}: ${credential.name ?? credential.id}`}>
                  {t('keys.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={text('create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
      >
        <Form form={form} name={formName} layout="vertical" onFinish={submit} initialValues={initialValues}>
          {formFields}
        </Form>
      </Modal>
      <CreatedSecretModal title={text('created')} secrets={created ? secrets(created) : null} onClose={() => setCreated(null)} />
    </section>
  );
}
