import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// The browser's language chooses (zh-CN, zh-TW… → 中文, anything else → English); the toggle's
// choice is remembered in localStorage (a preference, not a secret).
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: 'herald.language', caches: ['localStorage'] },
    interpolation: { escapeValue: false },
  });

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
}

export default i18n;
