import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { OnceSecret } from './once-secret';

/** A new key or token, shown this once with a copy button. */
export function CreatedSecretModal({
  title,
  secrets,
  onClose,
}: {
  title: string;
  secrets: Array<{ label: string; value: string }> | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal open={secrets !== null} title={title} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.done')}</Button>}>
      <Alert type="warning" showIcon title={t('common.shownOnce')} />
      {(secrets ?? []).map((secret) => (
        <OnceSecret key={secret.label} label={secret.label} value={secret.value} />
      ))}
    </Modal>
  );
}
