import { parseLanguage } from '../../model/tags.js'
import { checkId } from '../../model/ids.js'
import { pretranslate } from '../../tm/pretranslate.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk pretranslate ARTICLE --lang sv [--min 100] [--as NAME] [--dry-run] [--db FILE]

Fill the untranslated units of ARTICLE in one target language from the translation memory. Each
is written through the same path as any translation (version check, history), in state
translated (never reviewed), with author "tm" (or "tm:NAME" with --as) so it shows as coming from
the memory. Units someone writes meanwhile are left alone.

Options:
  --lang xx     target language (one of the article's targets)
  --min N       lowest match score used, 0–101 (default 100: the same sentence; 99 adds
                auto-fixed numbers and tags; 101 only context matches)
  --as NAME     who asked (author tm:NAME)
  --dry-run     count what would be filled, write nothing
${DB_HELP}
  -h, --help    this help

Exit status: 0 done, 2 bad usage or input (unknown article, a pair the memory has never seen).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    min: { type: 'string', default: '100' },
    as: { type: 'string' },
    'dry-run': { type: 'boolean' },
  })
  if (positionals.length !== 1) throw new UsageError('give one ARTICLE; see --help')
  if (!values.lang) throw new UsageError('name the target language with --lang')
  if (!/^\d{1,3}$/.test(values.min) || Number(values.min) > 101) {
    throw new UsageError(`--min takes a score from 0 to 101, not "${values.min}"`)
  }
  const articleId = checkId(positionals[0]!, 'article id')
  const lang = parseLanguage(values.lang)
  const s = await withStore(values.db, (store) =>
    pretranslate(store, articleId, lang, {
      min: Number(values.min),
      ...(values.as ? { as: values.as } : {}),
      dryRun: values['dry-run'] ?? false,
    }),
  )
  const scores = Object.entries(s.byScore)
    .sort((a, b) => Number(b[0]) - Number(a[0]))
    .map(([score, n]) => `${n} at ${score}`)
    .join(', ')
  await writeOut(
    `${s.article} ${s.lang}: ${values['dry-run'] ? 'would fill' : 'filled'} ${s.filled} of ${s.untranslated} untranslated units${scores ? ` (${scores})` : ''} as ${s.author}${s.conflicts ? `; ${s.conflicts} written by someone else meanwhile, left alone` : ''}\n`,
  )
  return 0
}
