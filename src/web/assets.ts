import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** The editor's stylesheet and script, kept as source files (read from `src/web/assets/`). */
export const ASSETS_DIR = new URL('../../src/web/assets/', import.meta.url)

/** One static asset, served under a path holding its content hash so it can be cached forever. */
export interface Asset {
  path: string
  type: string
  body: string
}

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
}

/**
 * Read the assets once and name each by its hash: `/assets/editor.3f2a9c1b.js`. A new release
 * changes the name, so browsers never run an old script against a new page.
 */
export function loadAssets(dir: URL = ASSETS_DIR): {
  css: Asset
  js: Asset
  icon: Asset
  dashboardLive: Asset
  byPath: Map<string, Asset>
} {
  const load = (file: string, ...before: string[]): Asset => {
    // One script for the page: the code functions it uses (codes.js, generated from
    // src/codes/insertable.ts) go first in the same file, so the page keeps one request.
    const body = [...before, file].map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n')
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
    const [name, ext] = file.split('.') as [string, string]
    return { path: `/assets/${name}.${hash}.${ext}`, type: TYPES[ext] as string, body }
  }
  const css = load('editor.css')
  const js = load('editor.js', 'codes.js', 'comments.js')
  const icon = load('favicon.svg')
  const dashboardLive = load('dashboard-live.js')
  return { css, js, icon, dashboardLive, byPath: new Map([css, js, icon, dashboardLive].map((a) => [a.path, a])) }
}
