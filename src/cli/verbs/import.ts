import { userInfo } from 'node:os'
import { readdir, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { InvalidInput, TolkError } from '../../model/errors.js'
import { isValidId, tagFromArticleId } from '../../model/ids.js'
import { formatOfFile, parseDocumentFormat } from '../../documents/index.js'
import type { DocumentFormat } from '../../documents/types.js'
import { importText } from '../../import/import-text.js'
import { checkText, TEXT_LIMITS } from '../../model/text-rule.js'
import type { ImportSummary, Store } from '../../store/types.js'
import { readTextInput } from '../input.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, splitList, withStore } from '../store-access.js'
import { createProgress } from '../progress.js'

export const HELP = `Usage: tolk import FILE [--id ARTICLE] [--tag TAG] [--lang xx] [--targets sv,de] [--format md|html|text] [--json] [--dry-run] [--db FILE]
       tolk import DIR [--lang xx] [--targets sv,de] [--format md|html|text] [--json] [--dry-run] [--db FILE]

Import an article (plain text, Markdown or HTML), or re-import an edited one: unchanged sentences keep
their ids and translations, edited ones keep their ids and their translations turn stale, new
ones are new units, removed ones become obsolete (kept, out of reports). Each article is one
transaction. A DIR imports every .txt, .md, .html and .htm file in it, id from the file name and tag from
the id (sv-general-01.txt → sv-general-01, sv-general); a bad file is reported and skipped.
A re-import keeps the stored tag unless --tag names another.
A text that breaks the text rule (a control character other than tab and line breaks) is bad
input, named with its file and line (see tolk text-faults).

Options:
  --id ARTICLE   article id (default: the file name without extension)
  --tag TAG      collection tag such as sv-general (default: from the id)
  --lang xx      text language (default: detected when confident, else the tag's language);
                 a given language is kept as confirmed: re-imports keep it and warn no more
  --targets L    target languages; a re-import without it keeps the article's targets
                 (a new article defaults to the tag's language when the text is in another one)
  --format F     md, html or text (default: from the extension, .md → md, .html/.htm → html;
                 else the stored article's kind on a re-import, else text)
  --json         print {"article", "revision", "outcome": new|changed|unchanged,
                 "units": {kept, moved, stale, new, obsolete}, "warnings"}
  --dry-run      print what the import would do and write nothing (nor create the database)
${DB_HELP}
  -h, --help     this help

Exit status: 0 all imported, 1 some files of a DIR were skipped, 2 bad usage or input.`

interface Flags {
  id?: string | undefined
  tag?: string | undefined
  lang?: string | undefined
  targets?: string[] | undefined
  format?: DocumentFormat | undefined
  dryRun: boolean
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    id: { type: 'string' },
    tag: { type: 'string' },
    lang: { type: 'string' },
    targets: { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  })
  if (positionals.length !== 1) throw new UsageError('give one FILE or DIR to import; see --help')
  const path = positionals[0] as string
  const format = values.format === undefined ? undefined : parseFormatFlag(values.format)
  const flags: Flags = { lang: values.lang, targets: splitList(values.targets), format, dryRun: values['dry-run'] ?? false }
  const isDir = (await stat(path).catch(() => undefined))?.isDirectory() ?? false
  if (isDir && (values.id || values.tag)) throw new UsageError('--id and --tag name one article; a DIR takes them from the file names')

  return withStore(values.db, async (store) => {
    if (!isDir) {
      const summary = await importFile(store, path, { ...flags, id: values.id, tag: values.tag })
      await printSummary(summary, values.json ?? false, flags.dryRun)
      return 0
    }
    return importDir(store, path, flags, values.json ?? false)
  }, { create: !flags.dryRun })
}

/** What one file's import did (or, on a dry run, would do). */
type Outcome = 'new' | 'changed' | 'unchanged'

interface FileResult extends ImportSummary {
  outcome: Outcome
}

async function importFile(store: Store, file: string, flags: Flags): Promise<FileResult> {
  const id = flags.id ?? basename(file, extname(file))
  // A re-import keeps the article's tag unless --tag names another.
  const existing = isValidId(id) ? await store.getArticle(id) : undefined
  const tag = flags.tag ?? existing?.tag ?? tagFromArticleId(id)
  if (!tag) throw new InvalidInput(`cannot tell the tag of "${id}": name it with --tag, or call the file <tag>-<NN>.txt`, 'invalid-tag')
  // The store checks the text too; here the message can name the file (and line).
  const text = checkText(await readTextInput(file), TEXT_LIMITS.article, file)
  const byName = formatOfFile(file)
  const format = flags.format ?? (byName === 'text' ? undefined : byName)
  const summary = await importText(
    store,
    { id, tag, text, ...(flags.lang ? { lang: flags.lang } : {}), ...(flags.targets ? { targets: flags.targets } : {}), ...(format ? { format } : {}) },
    // Who imports, for the activity feed: as tolk archive records it.
    { dryRun: flags.dryRun, by: process.env.TOLK_USER ?? userInfo().username },
  )
  // A dry run writes nothing, so `written` cannot tell: a revision past the stored one can.
  const outcome: Outcome = !existing ? 'new' : summary.revision !== existing.revision ? 'changed' : 'unchanged'
  return { ...summary, outcome }
}

async function importDir(store: Store, dir: string, flags: Flags, json: boolean): Promise<number> {
  const files = (await readdir(dir)).filter((f) => /\.(txt|md|markdown|html?)$/i.test(f)).sort()
  const progress = createProgress(files.length, 'importing')
  const results: FileResult[] = []
  const skipped: { file: string; reason: string }[] = []
  for (const name of files) {
    try {
      const result = await importFile(store, join(dir, name), flags)
      for (const w of result.warnings) progress.log(`tolk import: warning: ${name}: ${w.message}`)
      results.push(result)
    } catch (err) {
      if (!(err instanceof TolkError)) throw err
      skipped.push({ file: name, reason: err.message })
      progress.log(`tolk import: skipped ${name}: ${err.message}`)
    }
    progress.tick()
  }
  progress.done()
  if (json) {
    await writeOut(`${JSON.stringify({ imported: results, skipped }, null, 2)}\n`)
  } else {
    const count = (o: Outcome) => results.filter((r) => r.outcome === o).length
    const verb = flags.dryRun ? 'would be imported' : 'imported'
    await writeOut(
      `${results.length} of ${files.length} files ${verb} (${count('new')} new, ${count('changed')} changed, ${count('unchanged')} unchanged), ${skipped.length} skipped${flags.dryRun ? ' (dry run: nothing written)' : ''}\n`,
    )
  }
  return skipped.length > 0 ? 1 : 0
}

function parseFormatFlag(name: string): DocumentFormat {
  try {
    return parseDocumentFormat(name)
  } catch {
    throw new UsageError(`--format ${name}: use md, html or text`)
  }
}

async function printSummary(s: FileResult, json: boolean, dryRun: boolean): Promise<void> {
  for (const w of s.warnings) process.stderr.write(`tolk import: warning: ${w.message}\n`)
  if (json) {
    const { article, revision, units, warnings, outcome } = s
    await writeOut(`${JSON.stringify({ article, revision, outcome, units, warnings, ...(dryRun ? { dryRun } : {}) })}\n`)
    return
  }
  const u = s.units
  const what = {
    new: dryRun ? 'would be new at' : 'new at',
    changed: dryRun ? 'would move to' : 'now at',
    unchanged: dryRun ? 'would stay unchanged at' : 'unchanged at',
  }[s.outcome]
  await writeOut(
    `${s.article}: ${what} revision ${s.revision}; kept ${u.kept} (moved ${u.moved}), stale ${u.stale}, new ${u.new}, obsolete ${u.obsolete}${dryRun ? ' (dry run: nothing written)' : ''}\n`,
  )
}
