import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { session } from '../session/session';
import { LanguageToggle } from './language-toggle';

const SECTIONS = [
  { path: '/', label: 'nav.notifications' },
  { path: '/history', label: 'nav.history' },
  { path: '/stats', label: 'nav.stats' },
  { path: '/keys', label: 'nav.keys' },
  { path: '/ingest-tokens', label: 'nav.ingestTokens' },
];

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const project = session.project();
  const selected = SECTIONS.filter((section) => section.path !== '/' && location.pathname.startsWith(section.path)).map(
    (section) => section.path,
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          Herald
        </Typography.Text>
        <nav aria-label={t('nav.label')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected.length ? selected : ['/']}
            items={SECTIONS.map((section) => ({ key: section.path, label: <Link to={section.path}>{t(section.label)}</Link> }))}
          />
        </nav>
        <Space>
          {project?.name ? (
            <Typography.Text style={{ color: '#fff' }}>
              {t('layout.project')}: {project.name}
            </Typography.Text>
          ) : null}
          <LanguageToggle />
          <Button
            onClick={() => {
              session.signOut();
              navigate('/sign-in');
            }}
          >
            {t('layout.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          <Suspense fallback={null}>
            <Outlet />
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}
