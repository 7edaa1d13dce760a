import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, clientFor } from '../api/client';
import type { ApiKey, Project } from '../api/types';
import { OnceSecret } from './once-secret';

/**
 * For the root key: a new admin key of an existing project (its admin key was lost), through
 * POST /v1/projects/{id}/api-keys. The key is shown this once with a copy button; the project's
 * other keys keep working.
 */
export function NewAdminKeyModal({
  rootKey,
  project,
  onClose,
  onContinue,
}: {
  rootKey: string;
  project: Project | null;
  onClose(): void;
  onContinue(project: Project, adminKey: string): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [created, setCreated] = useState<ApiKey | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setCreated(null);
    setProblem(null);
    form.resetFields();
    onClose();
  };
  const create = async ({ name }: { name: string }) => {
    if (!project) return;
    setBusy(true);
    setProblem(null);
    try {
      const key = await answer(
        clientFor(rootKey).POST('/v1/projects/{id}/api-keys', { params: { path: { id: project.id } }, body: { name, role: 'admin' } }),
      );
      setCreated(key as unknown as ApiKey);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const title = t('signIn.newAdminKeyTitle', { project: project?.name ?? '' });
  const footer = created
    ? [
        <Button key="continue" onClick={() => project && onContinue(project, created.key ?? '')}>
          {t('signIn.continueAsAdmin')}
        </Button>,
        <Button key="done" type="primary" onClick={close}>
          {t('common.done')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button key="create" type="primary" loading={busy} onClick={() => form.submit()}>
          {t('common.create')}
        </Button>,
      ];
  return (
    <Modal open={project !== null} title={title} onCancel={close} footer={footer}>
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('common.shownOnce')} />
          <OnceSecret label={`${created.name ?? ''} (${t('keys.role.admin')})`} value={created.key ?? ''} />
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('signIn.newAdminKeyExplain')}</Typography.Paragraph>
          <Form form={form} name="new-admin-key" layout="vertical" onFinish={create} initialValues={{ name: t('signIn.newAdminKeyName') }}>
            <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, message: t('form.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Form>
          {problem ? <Alert type="error" showIcon title={problem} /> : null}
        </>
      )}
    </Modal>
  );
}
