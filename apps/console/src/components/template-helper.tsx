import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, herald } from '../api/client';
import { ApiError } from '../api/api-error';

interface Preview {
  rendered: string | null;
  problem: string | null;
  paths: string[];
}

/**
 * Beside the template: the `${...}` paths a message offers (click one to add it) and the template
 * rendered by the server over a sample event, as the user types.
 */
export function TemplateHelper({
  template,
  onInsert,
  name,
  event,
}: {
  template: string;
  onInsert(path: string): void;
  name: string;
  /** An event to render with (the catalog's example of a chosen type); a sample event otherwise. */
  event?: { type: string; data?: unknown };
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      answer(herald.POST('/v1/templates/preview', { body: { template, subscription_name: name, event: event as never } })).then(
        setPreview,
        (error) => {
          if (error instanceof ApiError && error.status === 404) setUnavailable(true);
        },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [template, name, event]);
  if (unavailable) return null;
  return (
    <Card size="small" title={t('template.title')} style={{ marginBottom: 24 }}>
      <Typography.Paragraph type="secondary">{t('template.pathsHelp')}</Typography.Paragraph>
      <Space wrap size={[4, 4]} role="group" aria-label={t('template.paths')}>
        {(preview?.paths ?? []).map((path) => (
          <Button
            key={path}
            size="small"
            type="dashed"
            onClick={() => onInsert(`\${${path}}`)}
            aria-label={t('template.insert', { path: `\${${path}}` })}
          >
            {`\${${path}}`}
          </Button>
        ))}
      </Space>
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }} id="template-preview-title">
        {t('template.preview')}
      </Typography.Title>
      {preview?.problem ? <Alert type="error" showIcon title={preview.problem} /> : null}
      <section aria-labelledby="template-preview-title" aria-live="polite">
        <pre
          style={{
            whiteSpace: 'pre-wrap',
            background: '#fafafa',
            padding: 12,
            border: '1px solid #f0f0f0',
            borderRadius: 6,
            minHeight: 40,
          }}
        >
          {template ? (preview?.rendered ?? '') : t('template.defaultRendering')}
        </pre>
      </section>
    </Card>
  );
}
