import fs from 'node:fs'
import { userInfo } from 'node:os'
import { formatOfFile } from '../../documents/formats.js'
import { InvalidInput } from '../../model/errors.js'
import { checkId } from '../../model/ids.js'
import { parseLanguage } from '../../model/tags.js'
import { decodeText } from '../../model/utf8.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk align ARTICLE --lang sv TRANSLATED_FILE [--dry-run] [--as NAME] [--db FILE]

Bring in an existing translation: split TRANSLATED_FILE into sentences with Tolk's segmenter
(plain text, Markdown by .md, HTML by .html), pair them with the article's units (Gale–Church
length alignment refined by numbers, names, punctuation and inline codes; 1–1, 1–0, 0–1, 2–1
and 1–2 pairs, each with a confidence 0–1), and store them in one transaction through the
versioned write, with the origin {"kind": "aligned", "confidence": …} in history:
  - a 1–1 pair with confidence 0.8 or more as translated;
  - any other pair as an initial draft with its text: a 1–2 pair's two sentences on its unit;
    a 2–1 pair's sentence on the first unit, and an empty draft on the second, both at most
    0.5 sure, for a person to split in the editor;
  - units that already have a translation are skipped and listed, never overwritten.
See docs/align.md.

Options:
  --lang xx     the translation's language (one of the article's targets)
  --dry-run     print each pair (kind, confidence, units, text) and what would be written
                and skipped; write nothing
  --as NAME     who writes (default: TOLK_USER, else the system user name)
${DB_HELP}
  -h, --help    this help

Exit status: 0 stored (or planned), 2 bad usage or input (unknown article, not a target, no
such file, invalid UTF-8).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    as: { type: 'string' },
  })
  if (positionals.length !== 2) throw new UsageError('give ARTICLE and TRANSLATED_FILE; see --help')
  const [articleArg, file] = positionals as [string, string]
  if (!values.lang) throw new UsageError('name the translation\'s language with --lang')
  const articleId = checkId(articleArg, 'article id')
  const lang = parseLanguage(values.lang)
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch {
    throw new InvalidInput(`${file}: no such file, or it cannot be read`, 'unreadable-file')
  }
  const text = decodeText(bytes, file)
  const author = values.as ?? process.env.TOLK_USER ?? userInfo().username
  const format = formatOfFile(file)
  const dryRun = values['dry-run'] === true
  const { alignArticle } = await import('../../workflows/align-translation.js')
  const { plan, outcome } = await withStore(values.db, (store) =>
    alignArticle(store, { articleId, lang, text, name: file, author, dryRun, ...(format === 'text' ? {} : { format }) }),
  )
  let out = ''
  if (dryRun) {
    for (const p of plan.pairs) {
      out += `${p.kind}\t${p.confidence.toFixed(2)}\t${p.units.join(',') || '-'}\t${p.text.replace(/\s+/g, ' ')}\n`
    }
  }
  const written = outcome.written.length
  const done = new Set(outcome.written)
  const sure = plan.texts.filter((t) => t.state === 'translated' && done.has(t.unitId)).length
  const skipped = outcome.skipped
  out += `${articleId} ${lang}: ${plan.pairs.length} pairs; ${dryRun ? 'would write' : 'wrote'} ${written} units (${sure} as translated, the rest as drafts)`
  out += `, ${skipped.length} skipped, ${plan.unpairedUnits.length} units and ${plan.unpairedSentences.length} sentences unpaired\n`
  for (const s of skipped) out += `${dryRun ? 'would skip' : 'skipped'} ${s.unitId}: already ${s.state}\n`
  for (const id of plan.codeMismatch) out += `not written ${id}: the paired text's inline codes do not fit the unit's source\n`
  await writeOut(out)
  return 0
}
