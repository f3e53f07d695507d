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
       tolk translate ARTICLE UNIT_ID --lang sv --confirm [--if-version N] [--as NAME] [--db FILE]
       tolk translate ARTICLE UNIT_ID --lang sv --state rejected --reason TEXT [--if-version N] [--as NAME] [--db FILE]

Write one translation through the same path the API and editor use: the version check, then the
write and its history entry, in one transaction. TEXT "-" reads standard input. TEXT is taken
as it stands, whatever it starts with ("- a list item"); options may come before or after it.

--confirm confirms a stale translation without changing its text or state: stale clears and the
history entry is marked as a confirmation (refused when it is not stale, or rejected).
--state rejected sends a translated, reviewed or final text back with --reason (reviewers: the
translator sees the reason). Both keep the stored text; a TEXT given must be that text.

Options:
  --lang xx        target language (one of the article's targets)
  --state S        translated (default), reviewed or final; initial to clear back to a draft;
                   rejected (with --reason) to send the text back
  --reason TEXT    why the text is rejected (with --state rejected; at most 2,000 characters)
  --confirm        confirm a stale translation (keeps text and state)
  --if-version N   the version you based the text on; another current version is refused
                   (exit 1) and nothing is written. Without it, --confirm and a rejection take
                   the version stored now
  --as NAME        who writes (default: TOLK_USER, else the system user name)
${DB_HELP}
  -h, --help       this help

Exit status: 0 written, 1 version conflict, 2 bad usage or input (unknown article or unit, ...).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    state: { type: 'string' },
    'if-version': { type: 'string' },
    as: { type: 'string' },
    confirm: { type: 'boolean' },
    reason: { type: 'string' },
  }, true, { textFrom: 2 })
  const confirm = values.confirm === true
  const keepsText = confirm || values.state === 'rejected'
  if (positionals.length > 3) throw new UsageError(`give TEXT as one argument, quoted ("…"): found ${positionals.length - 2} after the unit id; see --help`)
  if (positionals.length < 2 || (positionals.length === 2 && !keepsText)) throw new UsageError('give ARTICLE, UNIT_ID and TEXT (or - for standard input); see --help')
  const [articleArg, unitId, textArg] = positionals as [string, string, string | undefined]
  const articleId = documentIdOf(articleArg)
  if (!values.lang) throw new UsageError('name the target language with --lang')
  const lang = parseLanguage(values.lang)
  if (values.state !== undefined && !(STATES as readonly string[]).includes(values.state)) {
    throw new UsageError(`unknown --state "${values.state}": use ${STATES.join(', ')}`)
  }
  if (confirm && values.state === 'rejected') throw new UsageError('--confirm keeps the state: it does not go with --state rejected')
  if (values.state === 'rejected' && (values.reason === undefined || values.reason.trim() === '')) throw new UsageError('--state rejected needs --reason TEXT: say what is wrong')
  if (values.reason !== undefined && values.state !== 'rejected') throw new UsageError('--reason goes with --state rejected')
  const given = values['if-version'] === undefined ? undefined : parseVersion(values['if-version'])
  const typed = textArg === undefined ? undefined : textArg === '-' ? stripFinalNewline(decodeText(await readStdinBytes(), 'standard input')) : textArg
  if (typed !== undefined && values.state !== 'initial' && typed.trim() === '') throw new InvalidInput('the translation is empty; give its text (or --state initial)', 'empty-translation')
  const author = values.as ?? process.env.TOLK_USER ?? userInfo().username
  const ids = { articleId: checkId(articleId, 'article id'), unitId: checkId(unitId, 'unit id'), lang }

  const t = await withStore(values.db, async (store) => {
    // A confirmation or rejection keeps the stored text (and a confirmation the state); without
    // --if-version it is the one stored now.
    const now = keepsText ? await store.getTranslation(ids.articleId, ids.unitId, lang) : undefined
    const ifVersion = given ?? now?.version
    return store.writeTranslation({
      ...ids,
      text: typed ?? now?.text ?? '',
      state: (values.state as State | undefined) ?? (confirm ? (now?.state ?? 'initial') : 'translated'),
      author,
      ...(ifVersion !== undefined ? { ifVersion } : {}),
      ...(confirm ? { confirm } : {}),
      ...(values.reason !== undefined ? { reason: values.reason } : {}),
    })
  })
  const what = confirm ? ', confirmed' : ''
  await writeOut(`${t.articleId} ${t.unitId} ${t.lang}: version ${t.version}, ${t.state}${what}\n`)
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
