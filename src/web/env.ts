import type { MtEngine } from '../mt/types.js'
import type { i18n } from 'i18next'
import type { Passwords } from '../auth/passwords.js'
import type { Session, Sessions } from '../auth/sessions.js'
import type { Accounts } from '../auth/types.js'
import type { Store } from '../store/types.js'
import type { T, UiLanguage } from './i18n.js'

/** What the web routes need: the same store and accounts as the API, plus passwords and sessions. */
export interface WebDeps {
  store: Store
  accounts: Accounts
  passwords: Passwords
  sessions: Sessions
  /** The i18next instance; one is made from `locales/` when absent. */
  i18n?: i18n
  /** Segments per editor page (default {@link DEFAULT_WEB_OPTIONS}). */
  pageSize?: number
  /** Articles per dashboard page (default 50). */
  dashboardPageSize?: number
  /** Live streams: how often the store is asked for new events, and between heartbeats (tests shorten both). */
  pollMs?: number
  heartbeatMs?: number
  /** Sign-in failures allowed per account and per address in `windowMs`. */
  limits?: { perAccount: number; perAddress: number; windowMs: number }
  /** The password check (default `verifyPassword`, scrypt); tests count its calls. */
  verifyPassword?: (password: string, stored: string) => Promise<boolean>
  /** Machine-translation engines by name, for the panel's suggestions (none when absent). */
  mt?: ReadonlyMap<string, MtEngine>
}

/** Defaults for {@link WebDeps}. */
export const DEFAULT_WEB_OPTIONS = {
  // 200 rows keep the first screen of any article near 60 KB compressed (see bench/editor.mjs).
  pageSize: 200,
  limits: { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 },
}

/** What the web middleware puts on the context. */
export interface WebEnv {
  Variables: {
    language: string
    ui: UiLanguage
    t: T
    /** The signed-in session, when there is one. */
    session: Session | undefined
    /** Its account's unread notifications, for the header of a page (not read for the script's requests). */
    unread: number | undefined
    /** The CSRF token this page's forms carry. */
    csrf: string
    /** Cookies get `Secure` when the request came over HTTPS. */
    secure: boolean
  }
}
