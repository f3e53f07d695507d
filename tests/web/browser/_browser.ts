import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { hashPassword } from '../../../src/auth/passwords.js'
import type { Grant } from '../../../src/auth/types.js'
import type { MtEngine } from '../../../src/mt/types.js'
import { startServer } from '../../../src/server.js'
import { openStore } from '../../../src/store/open-store.js'
import { openSqliteWebAuth } from '../../../src/store/sqlite/sessions.js'

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium'
export const PASSWORD = 'correct horse battery'

/**
 * Fail loudly when Chromium is missing: CI sets REQUIRE_BROWSER=1 and installs it; elsewhere the
 * message says how to install it. These tests are never skipped silently.
 */
export function requireChromium(): void {
  if (fs.existsSync(CHROMIUM)) return
  const how = 'install it with: apt-get install -y --no-install-recommends chromium'
  throw new Error(
    process.env.REQUIRE_BROWSER === '1'
      ? `REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: ${how}`
      : `the browser tests need Debian's Chromium at ${CHROMIUM}: ${how}`,
  )
}

/**
 * The real server (`startServer`, as `tolk serve` runs it) on a real port (0: any free one) over
 * a temp-dir SQLite file with the seeds; accounts with passwords, and a store connection of the
 * test's own for looking at what was saved.
 */
export async function startTestServer(
  people: Record<string, Grant[]>,
  opts: { mt?: ReadonlyMap<string, MtEngine> } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-browser-'))
  const file = path.join(dir, 'tolk.sqlite')
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    db: file,
    quiet: true,
    print: () => {},
    ...(opts.mt ? { mt: opts.mt } : {}),
  })
  const store = await openStore(file)
  const web = openSqliteWebAuth({ file }, store.accounts)
  const hash = await hashPassword(PASSWORD)
  for (const [name, grants] of Object.entries(people)) {
    await store.accounts.add(name, grants)
    await web.passwords.set(name, hash)
  }
  return {
    url: running.url,
    store,
    async close() {
      await running.close()
      await web.close()
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Chromium with a fresh profile directory, headless, with the flags of DESIGN.md. */
export async function launch(
  opts: { javaScriptEnabled?: boolean; timezoneId?: string; locale?: string } = {},
): Promise<{
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}> {
  requireChromium()
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    ...opts,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  // The machines running these are shared and often busy: give each step room before failing.
  context.setDefaultTimeout(45_000)
  return {
    context,
    page,
    async close() {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Sign in through the form, with the keyboard. */
export async function signIn(page: Page, base: string, account: string): Promise<void> {
  await page.goto(`${base}/sign-in`)
  // Keys typed before autofocus has landed go nowhere (seen once on a busy CI machine): wait for
  // the account field to hold the focus, which also checks that autofocus puts it there.
  await page.locator('input[name=account]:focus').waitFor()
  await page.keyboard.type(account)
  await page.keyboard.press('Tab')
  await page.keyboard.type(PASSWORD)
  await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press('Enter')])
}

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** Serious and critical axe-core violations on the page, as `id: target` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Through the DevTools protocol, which the page's CSP does not govern (a script tag would be).
  await page.evaluate(axeSource)
  // A string, evaluated in the page: the test's own TypeScript has no DOM types.
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
  }
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
