import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, herald } from '../api/client';
import type { IngestToken } from '../api/types';
import { RevocableCredentials } from '../components/revocable-credentials';

const ADAPTERS = ['feishu-project', 'generic', 'alertmanager'] as const;
type Adapter = (typeof ADAPTERS)[number];
type NewToken = { adapter: Adapter; name: string; verification_token?: string; type_path?: string };
const loadTokens = () => answer(herald.GET('/v1/ingest-tokens')).then((page) => page.data as unknown as IngestToken[]);
const createToken = async (values: NewToken) =>
  (await answer(
    herald.POST('/v1/ingest-tokens', {
      body: { ...values, verification_token: values.verification_token || undefined, type_path: values.type_path || undefined },
    }),
  )) as unknown as IngestToken;
const revokeToken = (token: IngestToken) => answer(herald.DELETE('/v1/ingest-tokens/{id}', { params: { path: { id: token.id } } }));
const url = (token: IngestToken) => (token.url ? new URL(token.url, window.location.origin).toString() : '');

/** 接收地址: URLs with a token for senders that cannot set a header (Feishu Project, Weiyu, Apipost). */
export default function IngestTokensPage() {
  const { t } = useTranslation();
  return (
    <RevocableCredentials<IngestToken, NewToken>
      texts="ingest"
      load={loadTokens}
      columns={[
        { title: t('fields.name'), dataIndex: 'name' },
        {
          title: t('ingest.adapter'),
          dataIndex: 'adapter',
          render: (value: string) => t(`ingest.adapters.${value}`, { defaultValue: value }),
        },
      ]}
      formName="create-ingest-url"
      initialValues={{ adapter: 'feishu-project' }}
      formFields={<IngestTokenFields />}
      create={createToken}
      revoke={revokeToken}
      secrets={(created) => [
        { label: t('ingest.url'), value: url(created) },
        ...(created.token ? [{ label: t('ingest.token'), value: created.token }] : []),
      ]}
    />
  );
}

/** The new ingest URL's fields; the adapter decides which of its settings show. */
function IngestTokenFields() {
  const { t } = useTranslation();
  const adapter = Form.useWatch('adapter', Form.useFormInstance());
  return (
    <>
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
    </>
  );
}
