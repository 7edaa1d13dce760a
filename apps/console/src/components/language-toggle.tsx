import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Switches between 中文 and English; the button names the language it switches to. */
export function LanguageToggle() {
  const { i18n, t } = useTranslation();
  const chinese = i18n.resolvedLanguage === 'zh';
  return (
    <Button icon={<TranslationOutlined />} onClick={() => i18n.changeLanguage(chinese ? 'en' : 'zh')} title={t('layout.switchLanguage')}>
      <span lang={chinese ? 'en' : 'zh-CN'}>{chinese ? 'English' : '中文'}</span>
    </Button>
  );
}
