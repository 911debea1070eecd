import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Chinese by default, English on request. Each area keeps its texts in `i18n/<lang>/<area>.json`
 * (one namespace per area, so areas are edited independently); `common` holds the shell's.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json', { eager: true });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const [, lang, ns] = /\.\/(\w+)\/([\w-]+)\.json$/.exec(path) ?? [];
  if (!lang || !ns) continue;
  (resources[lang] ??= {})[ns] = mod.default;
}

export const LANGUAGE_KEY = 'yrd.console.lang';

function initialLanguage(): string {
  try {
    return localStorage.getItem(LANGUAGE_KEY) ?? 'zh';
  } catch {
    return 'zh';
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh',
  defaultNS: 'common',
  ns: Object.keys(resources['zh'] ?? {}),
  interpolation: { escapeValue: false },
});

export function switchLanguage(lang: 'zh' | 'en'): void {
  void i18n.changeLanguage(lang);
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export default i18n;
