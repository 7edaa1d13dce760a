import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { session } from './session/session';

const AppLayout = lazy(() => import('./components/app-layout').then((module) => ({ default: module.AppLayout })));
const SignInPage = lazy(() => import('./pages/sign-in.page'));
const NotificationsPage = lazy(() => import('./pages/notifications.page'));
const NotificationFormPage = lazy(() => import('./pages/notification-form.page'));
const HistoryPage = lazy(() => import('./pages/history.page'));
const StatsPage = lazy(() => import('./pages/stats.page'));
const ApiKeysPage = lazy(() => import('./pages/api-keys.page'));
const IngestTokensPage = lazy(() => import('./pages/ingest-tokens.page'));

/**
 * Closes the open toasts (message, notification) when the language changes: they were written in
 * the old one, and would stay on screen in it until they fade.
 */
function ToastsFollowLanguage() {
  const { i18n } = useTranslation();
  const { message, notification } = AntApp.useApp();
  useEffect(() => {
    const close = () => {
      message.destroy();
      notification.destroy();
    };
    i18n.on('languageChanged', close);
    return () => i18n.off('languageChanged', close);
  }, [i18n, message, notification]);
  return null;
}

function RequireKey({ children }: { children: React.ReactNode }) {
  return session.key() ? children : <Navigate to="/sign-in" replace />;
}

export function App() {
  const { i18n } = useTranslation();
  const chinese = i18n.resolvedLanguage === 'zh';
  useEffect(() => {
    document.documentElement.lang = chinese ? 'zh-CN' : 'en';
    document.title = chinese ? 'Herald 通知中心' : 'Herald console';
    dayjs.locale(chinese ? 'zh-cn' : 'en');
  }, [chinese]);
  const loading = <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <ConfigProvider locale={chinese ? zhCN : enUS} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ToastsFollowLanguage />
        <BrowserRouter basename="/console">
          <Suspense fallback={loading}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route
                element={
                  <RequireKey>
                    <AppLayout />
                  </RequireKey>
                }
              >
                <Route index element={<NotificationsPage />} />
                <Route path="notifications/new" element={<NotificationFormPage />} />
                <Route path="notifications/:id/edit" element={<NotificationFormPage />} />
                <Route path="history" element={<HistoryPage />} />
                <Route path="stats" element={<StatsPage />} />
                <Route path="keys" element={<ApiKeysPage />} />
                <Route path="ingest-tokens" element={<IngestTokensPage />} />
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
