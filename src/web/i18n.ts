import { readFileSync } from 'node:fs'
import i18next, { type i18n, type TFunction } from 'i18next'
import type en from '../../locales/en/translation.json'

/** The interface languages, each with `locales/<lang>/translation.json`; the first is the fallback. */
export const UI_LANGUAGES = ['en', 'sv'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

/** The repository's `locales/` folder (the same from `src/web/` and from `dist/web/`). */
export const LOCALES_DIR = new URL('../../locales/', import.meta.url)

declare module 'i18next' {
  // Typed keys: `t('editor.sav')` fails `tsc`. English is the reference every locale must match.
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

/** A translate function bound to one interface language. */
export type T = TFunction<'translation'>

/** Read one language's UI strings from `locales/`. */
export function readLocale(lang: string, dir: URL = LOCALES_DIR): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${lang}/translation.json`, dir), 'utf8')) as Record<
    string,
    unknown
  >
}

/**
 * A fresh i18next instance for one app (never the global default: two apps in one process, as in
 * tests, must not share state), initialised synchronously from `locales/`.
 * @example
 * const i18n = createWebI18n()
 * i18n.getFixedT('sv')('nav.signOut') // 'Logga ut'
 */
export function createWebI18n(dir: URL = LOCALES_DIR): i18n {
  const instance = i18next.createInstance()
  const resources = Object.fromEntries(
    UI_LANGUAGES.map((l) => [l, { translation: readLocale(l, dir) }]),
  )
  void instance.init({
    resources,
    lng: UI_LANGUAGES[0],
    fallbackLng: UI_LANGUAGES[0],
    supportedLngs: [...UI_LANGUAGES],
    initAsync: false,
    // hono/jsx escapes every string it renders; escaping here too would show &amp; on screen.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
