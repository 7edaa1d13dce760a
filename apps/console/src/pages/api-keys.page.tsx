import { Form, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, herald } from '../api/client';
import { ApiError } from '../api/api-error';
import type { ApiKey } from '../api/types';
import { RevocableCredentials } from '../components/revocable-credentials';

type NewKey = { name: string; role: 'admin' | 'publisher' };
const loadKeys = () => answer(herald.GET('/v1/api-keys')).then((page) => page.data as unknown as ApiKey[]);
const createKey = async (values: NewKey) => (await answer(herald.POST('/v1/api-keys', { body: values }))) as unknown as ApiKey;
const revokeKey = (key: ApiKey) => answer(herald.DELETE('/v1/api-keys/{id}', { params: { path: { id: key.id } } }));

/** API 密钥: the project's keys (admin manages, publisher publishes); create one, shown once; revoke. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  return (
    <RevocableCredentials<ApiKey, NewKey>
      texts="keys"
      load={loadKeys}
      columns={[
        { title: t('fields.name'), dataIndex: 'name', render: (value: string | null) => value ?? '—' },
        { title: t('keys.roleLabel'), dataIndex: 'role', render: (role: string) => <Tag>{t(`keys.role.${role}`)}</Tag> },
        {
          title: t('keys.prefix'),
          dataIndex: 'key_prefix',
          render: (value?: string) => (value ? <Typography.Text code>{value}…</Typography.Text> : '—'),
        },
      ]}
      formName="create-key"
      initialValues={{ role: 'publisher' }}
      formFields={
        <>
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
        </>
      }
      create={createKey}
      revoke={revokeKey}
      revokeError={(error) => (error instanceof ApiError && error.status === 409 ? t('keys.lastAdmin') : error.message)}
      secrets={(created) =>
        created.key ? [{ label: `${created.name ?? ''} (${t(`keys.role.${created.role}`)})`, value: created.key }] : null
      }
    />
  );
}
