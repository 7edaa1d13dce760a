import { Alert, Button, Card, Divider, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { answer, clientFor } from '../api/client';
import { ApiError } from '../api/api-error';
import type { Project } from '../api/types';
import { LanguageToggle } from '../components/language-toggle';
import { NewAdminKeyModal } from '../components/new-admin-key-modal';
import { OnceSecret } from '../components/once-secret';
import { session } from '../session/session';

type KeyKind = 'admin' | 'root' | 'publisher';

/** What a key can do: admin reads subscriptions; root lists projects; a publisher does neither. */
async function kindOf(key: string): Promise<{ kind: KeyKind; projects?: Project[] }> {
  const client = clientFor(key);
  await answer(client.GET('/v1/channels'));
  try {
    await answer(client.GET('/v1/subscriptions'));
    return { kind: 'admin' };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  try {
    const page = await answer(client.GET('/v1/projects'));
    return { kind: 'root', projects: page.data as unknown as Project[] };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { kind: 'publisher' };
    throw error;
  }
}

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [rootKey, setRootKey] = useState<string | null>(null);
  const [projects, setProjects] = useState<Project[]>([]);
  const [created, setCreated] = useState<Project | null>(null);
  const [busy, setBusy] = useState(false);
  const [keyFor, setKeyFor] = useState<Project | null>(null);

  const signIn = async ({ key }: { key: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      const { kind, projects: list } = await kindOf(key.trim());
      if (kind === 'admin') {
        session.signIn(key.trim());
        navigate('/');
      } else if (kind === 'root') {
        setRootKey(key.trim());
        setProjects(list ?? []);
      } else {
        setProblem(t('signIn.publisherKey'));
      }
    } catch (error) {
      setProblem(error instanceof ApiError && error.status === 401 ? t('signIn.wrongKey') : (error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const createProject = async (values: { key: string; name: string }) => {
    setProblem(null);
    try {
      setCreated((await answer(clientFor(rootKey ?? '').POST('/v1/projects', { body: values }))) as unknown as Project);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  const adminKeyOf = (project: Project) => project.api_keys?.find((key) => key.role === 'admin')?.key ?? '';
  const continueAsAdmin = (project: Project, adminKey: string) => {
    session.signIn(adminKey, { id: project.id, key: project.key, name: project.name });
    navigate('/');
  };

  return (
    <main style={{ maxWidth: 720, margin: '48px auto', padding: '0 16px' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 28 }}>
          {t('signIn.title')}
        </Typography.Title>
        <LanguageToggle />
      </Space>
      <Card>
        <Typography.Paragraph>{t('signIn.whatIsAKey')}</Typography.Paragraph>
        <Typography.Paragraph>{t('signIn.whereFrom')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('signIn.sessionOnly')}</Typography.Paragraph>
        <Form name="sign-in" layout="vertical" onFinish={signIn} requiredMark={false}>
          <Form.Item label={t('signIn.key')} name="key" rules={[{ required: true, message: t('signIn.keyRequired') }]}>
            <Input.Password autoComplete="off" placeholder="hka_…" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
        {problem ? <Alert style={{ marginTop: 16 }} type="error" showIcon title={problem} /> : null}
      </Card>

      {rootKey ? (
        <Card
          style={{ marginTop: 24 }}
          title={
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              {t('signIn.rootTitle')}
            </Typography.Title>
          }
        >
          <Typography.Paragraph>{t('signIn.rootExplain')}</Typography.Paragraph>
          {projects.length > 0 ? (
            <List
              header={<Typography.Text strong>{t('signIn.existingProjects')}</Typography.Text>}
              dataSource={projects}
              renderItem={(project) => (
                <List.Item
                  actions={[
                    <Button
                      key="new-admin-key"
                      size="small"
                      onClick={() => setKeyFor(project)}
                      aria-label={`${t('signIn.newAdminKey')}: ${project.name}`}
                    >
                      {t('signIn.newAdminKey')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta title={`${project.name} (${project.key})`} description={t('signIn.existingProjectHint')} />
                </List.Item>
              )}
            />
          ) : null}
          <Divider />
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('signIn.createProject')}
          </Typography.Title>
          <Form name="create-project" layout="vertical" onFinish={createProject}>
            <Form.Item label={t('signIn.projectKey')} name="key" extra={t('signIn.projectKeyHelp')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t('signIn.projectName')} name="name" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Button htmlType="submit">{t('signIn.createProjectSubmit')}</Button>
          </Form>
          {created ? (
            <div style={{ marginTop: 16 }}>
              <Alert type="warning" showIcon title={t('common.shownOnce')} />
              {created.api_keys?.map((key) => (
                <OnceSecret key={key.id} label={t(`keys.role.${key.role}`)} value={key.key ?? ''} />
              ))}
              <Button type="primary" onClick={() => continueAsAdmin(created, adminKeyOf(created))}>
                {t('signIn.continueAsAdmin')}
              </Button>
            </div>
          ) : null}
          <NewAdminKeyModal rootKey={rootKey} project={keyFor} onClose={() => setKeyFor(null)} onContinue={continueAsAdmin} />
        </Card>
      ) : null}
    </main>
  );
}
