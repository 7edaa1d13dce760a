import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, herald } from '../api/client';
import type { Subscription, TestResult } from '../api/types';

/** 测试推送: sends a sample message now and says in plain words what the platform answered. */
export function TestSendButton({ subscription }: { subscription: Pick<Subscription, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(
        (await answer(herald.POST('/v1/subscriptions/{id}/test', { params: { path: { id: subscription.id } } }))) as unknown as TestResult,
      );
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const open = result !== null || problem !== null;
  const close = () => {
    setResult(null);
    setProblem(null);
  };
  return (
    <>
      <Button size="small" loading={busy} onClick={run} aria-label={`${t('actions.sendTest')}: ${subscription.name}`}>
        {t('actions.sendTest')}
      </Button>
      <Modal open={open} title={t('test.title', { name: subscription.name })} onCancel={close} footer={null} destroyOnHidden width={640}>
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
        {result ? <TestVerdict result={result} /> : null}
      </Modal>
    </>
  );
}

/** The common refusals, named in the reader's language; the platform's own words follow. */
const HINTS: Array<[RegExp, string]> = [
  [/sign not match|签名不匹配|invalid timestamp|signature/i, 'test.hint.signature'],
  [/keyword|关键词/i, 'test.hint.keywords'],
  [/whitelist|allow-list|白名单/i, 'test.hint.ipAllowList'],
  [/token is not exist|token not exist|invalid webhook|access_token|key not found/i, 'test.hint.webhook'],
  [/send too fast|throttl|rate limit|429/i, 'test.hint.throttled'],
  [/timed? ?out|ECONNREFUSED|ENOTFOUND|could not connect/i, 'test.hint.unreachable'],
];

function TestVerdict({ result }: { result: TestResult }) {
  const { t } = useTranslation();
  const type = result.outcome === 'delivered' ? 'success' : result.outcome === 'retry' ? 'warning' : 'error';
  const hint = result.outcome === 'delivered' ? undefined : HINTS.find(([pattern]) => pattern.test(result.reason ?? ''))?.[1];
  return (
    <>
      <Alert
        type={type}
        showIcon
        title={t(`test.verdict.${result.outcome}`)}
        description={
          <>
            {hint ? <Typography.Paragraph strong>{t(hint)}</Typography.Paragraph> : null}
            {result.reason}
          </>
        }
      />
      {result.response ? (
        <Descriptions column={1} size="small" style={{ marginTop: 16 }} title={t('test.answer')}>
          <Descriptions.Item label={t('attempt.responseStatus')}>{result.response.status ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('attempt.responseBody')}>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {typeof result.response.body === 'string' ? result.response.body : JSON.stringify(result.response.body)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </>
  );
}
