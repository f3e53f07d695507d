import { DEFAULT_SESSION_LIFETIME } from '../../auth/sessions.js'
import { parseDuration } from '../../auth/tokens.js'
import { DEFAULT_HOST, DEFAULT_PORT, resolveDbPath } from '../../config.js'
import { DEFAULT_APP_OPTIONS } from '../../http/app.js'
import { parseLanguage } from '../../model/tags.js'
import { startServer } from '../../server.js'
import { configuredEngines, MT_HELP } from '../mt-flags.js'
import { parseVerbArgs, UsageError } from '../output.js'
import { DB_HELP, splitList } from '../store-access.js'

export const HELP = `Usage: tolk serve [--port N | PORT] [--host ADDR] [--db FILE] [--public-read] [--cors ORIGIN,...] [--max-body SIZE] [--targets sv,de]
                  [--session-max-age AGE] [--mt NAME=URL ...] [--quiet]

Run the workbench service. On first start it creates the database, loads the seed articles and
creates an account "admin" and prints its API token once, alone on a line of its own (the one
that starts with tolk_: a script takes it with grep '^tolk_'), followed by where the editor is
and the address the service listens on.

Options:
  --port N         port to listen on (default: PORT, else ${DEFAULT_PORT}; 0 picks a free port)
  --host ADDR      address to listen on (default ${DEFAULT_HOST}: this machine only)
${DB_HELP}
  --public-read    let clients without a token read (GET) what a viewer reads: articles,
                   units, translations, exports, reports, badges and i18next namespaces, and every
                   unit's history (who wrote what, when) and the translation memory (matches and
                   concordance search over every stored translation)
  --cors ORIGINS   allow these origins (comma-separated) to call the API from a browser;
                   CORS is off without it
  --targets LANGS  target languages of an i18next namespace that a saveMissing post creates
                   (POST /locales/add/LNG/NS; default: TOLK_TARGETS, else none, and such a
                   post is refused with 409 no-targets rather than create a namespace no one
                   can translate)
  --max-body SIZE  largest request body, e.g. 4mb, 512kb or bytes (default 4mb); more gets 413
  --session-max-age AGE
                   an editor sign-in ends AGE after it began, however active: 90m, 12h, 7d, 2w
                   (default: TOLK_SESSION_MAX_AGE, else 7d); it also ends after 12 h idle
${MT_HELP}
  --quiet          no request log lines (one per request by default)
  -h, --help       this help`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    'public-read': { type: 'boolean', default: false },
    cors: { type: 'string' },
    'max-body': { type: 'string' },
    targets: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    mt: { type: 'string', multiple: true },
    'session-max-age': { type: 'string' },
  })
  if (positionals.length > 1 || (positionals.length === 1 && values.port !== undefined)) {
    throw new UsageError('give the port once: tolk serve 8080 or tolk serve --port 8080')
  }
  const port = parsePort(values.port ?? positionals[0] ?? process.env.PORT ?? String(DEFAULT_PORT))
  // Checked before anything opens, so bad configuration is one line and exit 2.
  const bare = (values.mt ?? []).find((f) => !f.includes('='))
  if (bare !== undefined) throw new UsageError(`serve --mt takes NAME=URL or NAME=KIND:URL, not "${bare}"`)
  const mt = configuredEngines(values.mt ?? [])
  const sessionMaxAgeMs = parseMaxAge(values['session-max-age'], process.env.TOLK_SESSION_MAX_AGE)
  const server = await startServer({
    mt,
    port,
    host: values.host ?? DEFAULT_HOST,
    db: resolveDbPath(values.db),
    publicRead: values['public-read'],
    cors: splitList(values.cors) ?? [],
    localeTargets: (splitList(values.targets ?? process.env.TOLK_TARGETS) ?? []).map((t) => parseLanguage(t)),
    maxBody: values['max-body'] === undefined ? DEFAULT_APP_OPTIONS.maxBody : parseSize(values['max-body']),
    quiet: values.quiet,
    sessionMaxAgeMs,
  })
  for (const e of mt.values()) console.log(`tolk: machine translation ${e.name} (${e.kind})`)
  console.log(`tolk: listening on ${server.url}`)
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve)
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`invalid port "${text}": give a number from 0 to 65535`)
  return port
}

/** `--session-max-age`, else `TOLK_SESSION_MAX_AGE`, else the default (7 days), in ms. */
function parseMaxAge(flag: string | undefined, env: string | undefined): number {
  const text = flag ?? (env === undefined || env === '' ? undefined : env)
  if (text === undefined) return DEFAULT_SESSION_LIFETIME.maxAgeMs
  const from = flag === undefined ? 'TOLK_SESSION_MAX_AGE' : '--session-max-age'
  try {
    return parseDuration(text, `${from} value`)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }

/** `4mb`, `512kb`, `1000000` → bytes. */
function parseSize(text: string): number {
  const m = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(text.trim())
  const bytes = m ? Number(m[1]) * (SIZE_UNITS[(m[2] ?? '').toLowerCase()] ?? 1) : NaN
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError(`invalid --max-body "${text}": write e.g. 4mb, 512kb or a number of bytes`)
  return bytes
}
