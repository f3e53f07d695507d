import { documentIdOf } from '../../model/namespaces.js'
import { userInfo } from 'node:os'
import { InvalidInput } from '../../model/errors.js'
import { checkId } from '../../model/ids.js'
import { parseLanguage } from '../../model/tags.js'
import { STATES, type State } from '../../model/translation.js'
import { decodeText } from '../../model/utf8.js'
import { readStdinBytes } from '../input.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk translate ARTICLE UNIT_ID --lang sv [--state translated|reviewed|final] [--if-version N] [--as NAME] [--db FILE] TEXT

Write one translation through the same path the API and editor use: the version check, then the
write and its history entry, in one transaction. TEXT "-" reads standard input. TEXT is taken
as it stands, whatever it starts with ("- a list item"); options may come before or after it.

Options:
  --lang xx        target language (one of the article's targets)
  --state S        translated (default), reviewed or final; initial to clear back to a draft
  --if-version N   the version you based the text on; another current version is refused
                   (exit 1) and nothing is written
  --as NAME        who writes (default: TOLK_USER, else the system user name)
${DB_HELP}
  -h, --help       this help

Exit status: 0 written, 1 version conflict, 2 bad usage or input (unknown article or unit, ...).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    state: { type: 'string', default: 'translated' },
    'if-version': { type: 'string' },
    as: { type: 'string' },
  }, true, { textFrom: 2 })
  if (positionals.length > 3) throw new UsageError(`give TEXT as one argument, quoted ("…"): found ${positionals.length - 2} after the unit id; see --help`)
  if (positionals.length !== 3) throw new UsageError('give ARTICLE, UNIT_ID and TEXT (or - for standard input); see --help')
  const [articleArg, unitId, textArg] = positionals as [string, string, string]
  const articleId = documentIdOf(articleArg)
  if (!values.lang) throw new UsageError('name the target language with --lang')
  const lang = parseLanguage(values.lang)
  const state = values.state as State
  if (!STATES.includes(state)) throw new UsageError(`unknown --state "${values.state}": use ${STATES.join(', ')}`)
  const ifVersion = values['if-version'] === undefined ? undefined : parseVersion(values['if-version'])
  const text = textArg === '-' ? stripFinalNewline(decodeText(await readStdinBytes(), 'standard input')) : textArg
  if (state !== 'initial' && text.trim() === '') throw new InvalidInput('the translation is empty; give its text (or --state initial)', 'empty-translation')
  const author = values.as ?? process.env.TOLK_USER ?? userInfo().username

  const t = await withStore(values.db, (store) =>
    store.writeTranslation({
      articleId: checkId(articleId, 'article id'),
      unitId: checkId(unitId, 'unit id'),
      lang,
      text,
      state,
      author,
      ...(ifVersion !== undefined ? { ifVersion } : {}),
    }),
  )
  await writeOut(`${t.articleId} ${t.unitId} ${t.lang}: version ${t.version}, ${t.state}\n`)
  return 0
}

function parseVersion(s: string): number {
  if (!/^\d{1,9}$/.test(s)) throw new UsageError(`--if-version takes a whole number, not "${s}"`)
  return Number(s)
}

/** A here-string or `echo` adds one newline that is not part of the translation. */
function stripFinalNewline(s: string): string {
  return s.replace(/\r?\n$/, '')
}
