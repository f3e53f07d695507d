import type { Context } from 'hono'
import type { WebEnv } from './env.js'
import type { PageContext } from './pages/layout.js'

/** A local path to return to, or `/`: never another site (`//evil`, `/\evil`, `https:`). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length < 2000 ? next : '/'
}

/** Language names in the interface language: `sv` reads "Swedish" in English, "svenska" in Swedish. */
export function languageName(ui: string, lang: string): string {
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(lang) ?? lang
  } catch {
    return lang
  }
}

/** Date and time in the interface language. */
export function formatWhen(ui: string): (iso: string) => string {
  const f = new Intl.DateTimeFormat(ui, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  })
  // Formatting is slow and the output has minute resolution: rows saved in one minute share it.
  const seen = new Map<string, string>()
  return (iso) => {
    const minute = iso.slice(0, 16)
    let out = seen.get(minute)
    if (out === undefined) seen.set(minute, (out = `${f.format(new Date(iso))} UTC`))
    return out
  }
}

/** The per-request part every page needs, taken from the context the middleware filled. */
export function pageContext(c: Context<WebEnv>, assets: PageContext['assets']): PageContext {
  const url = new URL(c.req.url)
  return {
    t: c.get('t'),
    ui: c.get('ui'),
    csrf: c.get('csrf'),
    session: c.get('session'),
    here: url.pathname + url.search,
    assets,
  }
}

/** Whether the client asked for JSON (the script's saves) rather than a page. */
export function wantsJson(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('application/json')
}

/** A rendered page with its doctype (JSX cannot write one), so browsers use standards mode. */
export function doc(el: unknown): string {
  return `<!DOCTYPE html>${String(el)}`
}
