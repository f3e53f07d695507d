/**
 * The outside tools that some tests need: programs, files and servers that `npm install` does not
 * bring. Each has a presence check and the command that installs it. A test asks for its tools with
 * `itWith` / `describeWith` (./need.ts); where one is missing the test is skipped and named in the
 * list printed at the end of the run (./skipped-reporter.ts), or fails under REQUIRE_TOOLS=1.
 *
 * A later issue's tool (a server, a checker) gets its entry here, and its tests join that list.
 */
import { accessSync, constants, existsSync } from 'node:fs'
import { Socket } from 'node:net'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where scripts/fetch-schemas.sh puts the XSDs and the TMX DTD. */
export const SCHEMAS = fileURLToPath(new URL('../formats/schemas/', import.meta.url))

/** The PostgreSQL server the tests use: `TOLK_TEST_PG`, or the one every project machine runs. */
export const TEST_PG = process.env.TOLK_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres'

/** One outside tool. */
export interface Tool {
  /** What a person reads in the skipped list. */
  what: string
  /** Whether it is here; may connect to a server, so it is asked once per run (global setup). */
  present: () => boolean | Promise<boolean>
  /** The command that installs it, for the skipped list and the failure under REQUIRE_TOOLS=1. */
  install: string
}

/** Every tool a test may need, by the name tests ask for it. */
export const TOOLS = {
  schemas: {
    what: 'the XLIFF and TMX schemas',
    present: () =>
      ['xliff-core-1.2-strict.xsd', 'xliff-core-2.0.xsd', 'xml.xsd', 'tmx14.dtd'].every((f) =>
        existsSync(join(SCHEMAS, f)),
      ),
    // The global setup runs it before the tests; it needs apt-get (Debian) and its package lists.
    install: 'bash scripts/fetch-schemas.sh',
  },
  xmllint: {
    what: 'xmllint',
    present: () => onPath('xmllint'),
    install: 'apt-get install -y libxml2-utils',
  },
  msgfmt: {
    what: 'msgfmt (GNU gettext)',
    present: () => onPath('msgfmt') && onPath('msgcat'),
    install: 'apt-get install -y gettext',
  },
  pocount: {
    what: 'translate-toolkit (pocount, xliff2po, pomerge)',
    present: () => ['pocount', 'xliff2po', 'pomerge'].every((c) => onPath(c)),
    install: 'apt-get install -y translate-toolkit',
  },
  chromium: {
    what: "Debian's Chromium (/usr/bin/chromium)",
    present: () => existsSync('/usr/bin/chromium'),
    install: 'apt-get install -y --no-install-recommends chromium',
  },
  postgres: {
    what: `a PostgreSQL server at TOLK_TEST_PG (${TEST_PG})`,
    present: () => answers(TEST_PG, 5432),
    install:
      'apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' +
      ' (or point TOLK_TEST_PG at a server)',
  },
  apertium: {
    what: 'Apertium APy (apertium-apy) with the English–Spanish pair',
    // tests/mt/_apy.ts starts it on a free port on these modes.
    present: () => onPath('apertium-apy') && existsSync('/usr/share/apertium/modes/eng-spa.mode'),
    install: 'apt-get install -y apertium-apy apertium-eng-spa',
  },
} satisfies Record<string, Tool>

/** The name a test asks for a tool by. */
export type ToolName = keyof typeof TOOLS

/** Whether `cmd` is an executable file in a folder of PATH (what `command -v` finds). */
export function onPath(cmd: string, path = process.env.PATH ?? ''): boolean {
  return path
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, cmd), constants.X_OK)
        return true
      } catch {
        return false
      }
    })
}

/**
 * Whether a server takes a TCP connection at the host and port of a URL (within a second). A
 * `host=/socket/dir` parameter, as libpq takes it, is checked for its Unix socket instead.
 */
export function answers(url: string, defaultPort: number): Promise<boolean> {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return Promise.resolve(false)
  }
  const port = Number(u.port || defaultPort)
  const socketDir = u.searchParams.get('host')
  const target = socketDir?.startsWith('/')
    ? { path: join(socketDir, `.s.PGSQL.${port}`) }
    : { host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port }
  return new Promise((resolve) => {
    const socket = new Socket()
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.connect(target as { host: string; port: number })
  })
}

/**
 * Which tools are here, by name. `TOLK_HIDE_TOOLS=chromium,postgres` counts the named ones as
 * missing: the way to try the skipped list with a tool that PATH does not hide.
 */
export async function detectTools(): Promise<Record<ToolName, boolean>> {
  const names = Object.keys(TOOLS) as ToolName[]
  const hidden = new Set((process.env.TOLK_HIDE_TOOLS ?? '').split(',').map((s) => s.trim()))
  const found = await Promise.all(
    names.map(async (n) => !hidden.has(n) && (await TOOLS[n].present()) === true),
  )
  return Object.fromEntries(names.map((n, i) => [n, found[i]!])) as Record<ToolName, boolean>
}

/** Whether a missing tool fails its tests instead of skipping them (CI sets both variables). */
export function required(name: ToolName, env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REQUIRE_TOOLS === '1' || (name === 'chromium' && env.REQUIRE_BROWSER === '1')
}
