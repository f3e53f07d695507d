import type { Context } from 'hono'
import type { WebEnv } from './env.js'
import type { PageContext } from './pages/layout.js'

// Any origin will do: a path is resolved against it, and anything that leaves it is refused.
const HERE = 'http://tolk.invalid'

/**
 * A local path to return to, or `/`: never another site. The value is read as a browser's URL
 * parser reads a Location header, which drops tab, LF and CR wherever they are (so `/\t/evil`
 * is `//evil`, another host) and takes `\` for `/`; what is left must be a path (no scheme, no
 * `//`, no backslash, no control character) that stays on this origin once resolved. The answer
 * is that URL's own serialisation (percent-encoded, so it always fits in a header), checked again,
 * since resolving `/.//evil` gives `//evil`.
 * @example
 * safeNext('/edit/a/sv?page=2') // '/edit/a/sv?page=2'
 * safeNext('/\t/evil.example') // '/'
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return '/'
  const path = next.replace(/[\t\n\r]/g, '')
  if (!isLocalPath(path)) return '/'
  let url: URL
  try {
    url = new URL(path, HERE)
  } catch {
    return '/'
  }
  const out = url.pathname + url.search + url.hash
  return url.origin === HERE && isLocalPath(out) && !/[^\x21-\x7e]/.test(out) ? out : '/'
}

function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !/[\\\u0000-\u001f\u007f]/.test(path)
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
    unread: c.get('unread'),
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
