import { documentIdOf } from '../../model/namespaces.js'
import { parseLanguage } from '../../model/tags.js'
import { checkId } from '../../model/ids.js'
import { pretranslate, type PretranslateSummary } from '../../tm/pretranslate.js'
import { chosenEngine } from '../mt-flags.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk pretranslate ARTICLE --lang sv [--min 100] [--mt NAME[=URL]] [--state translated|initial] [--as NAME] [--dry-run] [--db FILE]

Fill the untranslated units of ARTICLE in one target language: first from the translation
memory (matches scoring at least --min), then, with --mt, by machine translation for the rest.
Each is written through the same path as any translation (version check, history). Memory text
is written in state translated by "tm" (or "tm:NAME" with --as); machine text in state
translated (or initial, a draft, with --state initial) by "mt:ENGINE", with its origin, so it
never enters the memory as a person's translation. Units someone writes meanwhile are left
alone. Units the engine could not translate are counted with the reason.

Options:
  --lang xx     target language (one of the article's targets)
  --min N       lowest match score used, 0–101 (default 100: the same sentence; 99 adds
                auto-fixed numbers and tags; 101 only context matches)
  --mt NAME     machine-translate what the memory leaves, with the engine NAME that TOLK_MT
                configures; --mt NAME=URL or NAME=KIND:URL configures it here (kinds:
                apertium, deepl, libretranslate, openai; a key only from TOLK_MT_<NAME>_KEY)
  --state S     the state machine text is written in: translated (default) or initial
  --as NAME     who asked (author tm:NAME)
  --dry-run     count what would be filled, write nothing (no engine is asked)
${DB_HELP}
  -h, --help    this help

Exit status: 0 done (even when an engine failed some units: the line says how many and why),
2 bad usage or input (unknown article, a pair the memory has never seen and no --mt, an engine
not configured).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    min: { type: 'string', default: '100' },
    as: { type: 'string' },
    mt: { type: 'string' },
    state: { type: 'string', default: 'translated' },
    'dry-run': { type: 'boolean' },
  })
  if (positionals.length !== 1) throw new UsageError('give one ARTICLE; see --help')
  if (!values.lang) throw new UsageError('name the target language with --lang')
  if (!/^\d{1,3}$/.test(values.min) || Number(values.min) > 101) {
    throw new UsageError(`--min takes a score from 0 to 101, not "${values.min}"`)
  }
  if (values.state !== 'translated' && values.state !== 'initial') {
    throw new UsageError(`--state takes translated or initial, not "${values.state}"`)
  }
  if (values.state !== 'translated' && !values.mt) throw new UsageError('--state applies to machine text: give --mt too')
  const articleId = checkId(documentIdOf(positionals[0]!), 'article id')
  const lang = parseLanguage(values.lang)
  const mt = values.mt === undefined ? undefined : chosenEngine(values.mt)
  const s = await withStore(values.db, (store) =>
    pretranslate(store, articleId, lang, {
      min: Number(values.min),
      ...(values.as ? { as: values.as } : {}),
      ...(mt ? { mt, mtState: values.state as 'translated' | 'initial' } : {}),
      dryRun: values['dry-run'] ?? false,
    }),
  )
  await writeOut(summaryLine(s, values['dry-run'] ?? false))
  return 0
}

/** The one line (two with an engine) a pre-translation prints. */
export function summaryLine(s: PretranslateSummary, dryRun: boolean): string {
  const scores = Object.entries(s.byScore)
    .sort((a, b) => Number(b[0]) - Number(a[0]))
    .map(([score, n]) => `${n} at ${score}`)
    .join(', ')
  let out = `${s.article} ${s.lang}: ${dryRun ? 'would fill' : 'filled'} ${s.filled} of ${s.untranslated} untranslated units${scores ? ` (${scores})` : ''} as ${s.author}${s.conflicts ? `; ${s.conflicts} written by someone else meanwhile, left alone` : ''}\n`
  if (s.mt) {
    const why = Object.entries(s.mt.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${n} ${reason}`)
      .join(', ')
    out += `${s.article} ${s.lang}: ${dryRun ? 'would ask' : 'machine-translated'} ${s.mt.filled} as ${s.mt.author}${s.mt.cached ? ` (${s.mt.cached} from the cache)` : ''}${s.mt.repaired ? `, ${s.mt.repaired} with inline codes put back around the text` : ''}`
    out += s.mt.failed ? `; ${s.mt.failed} failed, left untranslated (${why})\n` : '\n'
  }
  return out
}
