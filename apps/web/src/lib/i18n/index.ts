import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';

import type { Widen } from './widen';

/** The shape every language must have: Russian's keys. */
export type Resource = Widen<typeof ru>;

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'kabinet.language';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ru' || saved === 'en') return saved;
  } catch {
    // Storage may be unavailable (private mode); Russian is the default.
  }
  return 'ru';
}

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: ru }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'ru',
  interpolation: { escapeValue: false },
});

function applyLanguage(lng: string) {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.name');
}
applyLanguage(i18n.language);

i18n.on('languageChanged', (lng) => {
  applyLanguage(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore
  }
});

export { en, ru };
export default i18n;
