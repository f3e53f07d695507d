import { documentIdOf } from '../../model/namespaces.js'
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs'
import { resolveDbPath } from '../../config.js'
import { redact } from '../../model/redact.js'
import { InvalidInput, TolkError } from '../../model/errors.js'
import { parseLanguage } from '../../model/tags.js'
import { checkLocales, type CheckedSource } from '../../check/check-locales.js'
import { evaluate } from '../../check/evaluate.js'
import { FORMATS, render, type FormatName } from '../../check/formats/index.js'
import { parseOptionalPlurals } from '../../check/plural-rules.js'
import { parseMin } from '../../check/thresholds.js'
import type { CheckResult, Measure } from '../../check/types.js'
import type { QaReport } from '../../qa/types.js'
import { parseFolderMap } from '../folder-map.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'

/** `tolk check --help`. */
export const HELP = `Usage: tolk check --locales DIR [--source en] [options]
       tolk check --files GLOB [options]
       tolk check --db FILE [ARTICLE…] [options]
       tolk check --server URL [ARTICLE…] [options]

The CI gate: fails (exit 1) when a target language is below its coverage threshold or has broken
placeholders. Reads an i18next locale tree (DIR/<lng>/<ns>.json, i18next JSON v4), the
workbench's database, or a running workbench (GET /api/report, token from TOLK_TOKEN).

Sources (one):
  --locales DIR          i18next locale tree; --source names the source language (default en);
                         folders pt_BR read as pt-BR, subfolders' files are namespaces (admin/users)
  --map F=TAG,…          read the locale folder F as the language TAG (zhtw=zh-TW)
  --files GLOB           XLIFF 1.2, XLIFF 2.0 and PO files, any mix ('l10n/**/*.xlf'); repeat it
                         or separate globs with commas; languages come from the files
                         (a PO file without a Language header: --target-lang TAG, else its
                         name, such as sv.po)
  --db FILE|URL          workbench database (SQLite file or postgres:// URL): untranslated and stale units are problems
  --server URL           running workbench, e.g. http://127.0.0.1:8787

Checks:
  --lang LIST            only these target languages (sv,de)
  --min SPEC             thresholds in percent: 95, or 90,sv=100,de=80 (the bare number is the
                         default); without --min every language must be complete and error-free
  --by words|units       coverage by source words (default) or by keys/units
  --baseline FILE        a saved --format json result: fail only on what got worse
  --update-baseline      write this run's result to the --baseline file, with the date each
                         source key was first seen
  --grace-days N         a source key counts only N days after it was first seen (its date in
                         the baseline; a key without a date gets no grace)
  --optional-plurals L   plural categories never required, e.g. many,zero (CLDR's are by default)
  --qa error|warning     a workbench or running workbench: QA findings at or above this
                         severity nobody dismissed fail their language (kind qa:<check>)
                         (codes, numbers and forbidden terms are errors; see docs/qa.md)
  --config FILE          the config file (default: tolk.config.json or .tolkrc.json in this
                         folder or the nearest above; else i18next-cli's i18next.config.*);
                         a flag overrides the file

Output:
  --format F             text (default), json, junit, sarif, github, markdown
  --output FILE          write the format to FILE; a text summary goes to stdout
  --quiet                text: the summary table only
  --limit N              text: problems listed (default 20); markdown (default 50)
  --annotations N        github: annotations of each severity (default 10, what GitHub shows);
                         the markdown summary goes to $GITHUB_STEP_SUMMARY when it is set
  --badge FILE.svg       write a coverage badge (the lowest language's coverage)
  -h, --help             this help

Exit status: 0 passed, 1 a language failed (or nothing was checked), 2 bad usage or unreadable
input (missing folder, malformed JSON with file:line:column, non-string value, bad language folder).`

/** Runs `tolk check`; resolves to the exit status. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    db: { type: 'string' },
    locales: { type: 'string' },
    files: { type: 'string', multiple: true },
    source: { type: 'string' },
    'target-lang': { type: 'string' },
    server: { type: 'string' },
    lang: { type: 'string' },
    min: { type: 'string' },
    by: { type: 'string' },
    config: { type: 'string' },
    'grace-days': { type: 'string' },
    'update-baseline': { type: 'boolean' },
    baseline: { type: 'string' },
    'optional-plurals': { type: 'string' },
    map: { type: 'string' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    quiet: { type: 'boolean' },
    limit: { type: 'string' },
    annotations: { type: 'string' },
    badge: { type: 'string' },
    qa: { type: 'string' },
  })
  // The config file's settings, each overridden by its flag (see docs/ci-check.md).
  const { findCheckConfig, readConfigAt } = await import('../../check/config/find-config.js')
  const cfg = values.config !== undefined ? await readConfigAt(values.config) : await findCheckConfig(process.cwd())
  if (values.locales === undefined && values.db === undefined && values.server === undefined && values.files === undefined) values.locales = cfg?.locales
  values.source ??= cfg?.source
  values.min ??= cfg?.min
  values.by ??= cfg?.by ?? 'words'
  values.baseline ??= cfg?.baseline
  values['optional-plurals'] ??= cfg?.optionalPlurals
  const graceDays = values['grace-days'] === undefined ? (cfg?.graceDays ?? 0) : Number(values['grace-days'])
  if (!(Number.isInteger(graceDays) && graceDays >= 0)) throw new UsageError(`--grace-days takes a whole number of days, not "${values['grace-days']}"`)
  const update = values['update-baseline'] ?? false
  if (update && values.baseline === undefined) throw new UsageError('--update-baseline needs --baseline FILE (or baseline in the config file): the file it writes')
  const fromConfig = (flag: string, field: string) => (err: unknown) => {
    // A value the file gave names the file and the field, not the flag.
    if (err instanceof RangeError && cfg && args.every((a) => !a.startsWith(flag))) throw new InvalidInput(`${cfg.file}: check.${field}: ${err.message}`, 'invalid-config')
    throw err
  }
  const sources = [values.locales, values.db, values.server, values.files].filter((s) => s !== undefined)
  if (sources.length !== 1) throw new UsageError('give one source: --locales DIR, --files GLOB, --db FILE or --server URL; see --help')
  const { parseQaFloor } = await import('../../check/qa-problems.js')
  const qaFloor = usage(() => parseQaFloor(values.qa))
  if (qaFloor !== undefined && values.db === undefined && values.server === undefined) throw new UsageError('--qa checks the workbench: use it with --db or --server')
  const format = values.format as FormatName
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${values.format}": use ${FORMATS.join(', ')}`)
  if (values.by !== 'words' && values.by !== 'units') throw new UsageError(`--by takes words or units, not "${values.by}"`)
  const measure: Measure = values.by
  const limit = values.limit === undefined ? undefined : Number(values.limit)
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new UsageError(`--limit takes a whole number, not "${values.limit}"`)
  const thresholds = usage(() => guarded(() => parseMin(values.min), fromConfig('--min', 'min')))
  const optionalPlurals = usage(() => parseOptionalPlurals(values['optional-plurals']))
  const langs = values.lang?.split(',').map((s) => s.trim()).filter(Boolean).map((l) => parseLanguage(l)) ?? cfg?.lang
  // Loaded only when asked for, like the store below: a plain locale check never needs them.
  const baselines = values.baseline === undefined ? undefined : await import('../../check/baseline.js')
  // The first --update-baseline writes a baseline that is not there yet.
  const baseline = values.baseline === undefined || (update && !existsSync(values.baseline)) ? undefined : baselines?.readBaseline(values.baseline)
  const today = new Date().toISOString().slice(0, 10)
  const firstSeen = baseline?.firstSeen ?? new Map<string, string>()
  // A key the baseline has no date for gets no grace, unless this run writes its date (today) into
  // a baseline that already dates keys. The keys of the first dated baseline (its earliest date)
  // were there before: only keys added since get grace.
  const fresh = update && firstSeen.size > 0 ? today : undefined
  const adopted = [...firstSeen.values()].reduce((a, b) => (b < a ? b : a), today)
  const grace = graceDays > 0 && baselines ? (key: string) => baselines.inGrace(firstSeen.get(key) ?? fresh, graceDays, today, adopted) : undefined

  let checked: CheckedSource
  let source: CheckResult['source']
  if (values.locales !== undefined) {
    if (positionals.length > 0) throw new UsageError('--locales takes no article ids; use --lang to pick languages')
    const lang = parseLanguage(values.source ?? 'en')
    source = { kind: 'locales', location: values.locales, lang }
    // Text and markdown print the first problems; every other format (and a baseline) reads them all.
    const everyLine = (format !== 'text' && format !== 'markdown') || baseline !== undefined || update
    const map = new Map([...(cfg?.map ?? []), ...parseFolderMap(values.map)])
    checked = checkLocales({ dir: values.locales, source: lang, ...(langs ? { langs } : {}), map, optionalPlurals, everyLine, ...(cfg?.ignore ? { ignore: cfg.ignore } : {}), ...(grace ? { grace } : {}), listKeys: update })
    for (const warning of checked.warnings ?? []) process.stderr.write(`tolk check: warning: ${warning}\n`)
  } else if (values.files !== undefined) {
    if (positionals.length > 0) throw new UsageError('--files takes no article ids; use --lang to pick languages')
    const { checkFiles } = await import('../../check/check-files.js')
    const { expandGlobs, splitPatterns } = await import('../../check/file-globs.js')
    const patterns = splitPatterns(values.files)
    const targetLang = values['target-lang'] === undefined ? undefined : parseLanguage(values['target-lang'])
    const files = checkFiles({ paths: expandGlobs(patterns), ...(langs ? { langs } : {}), ...(targetLang ? { targetLang } : {}), source: parseLanguage(values.source ?? 'en') })
    const one = files.sourceLangs.size === 1 ? [...files.sourceLangs][0] : undefined
    source = { kind: 'files', location: patterns.join(','), lang: one ?? null }
    checked = files
  } else if (values.server !== undefined) {
    source = { kind: 'server', location: values.server, lang: null }
    const { checkReport, fetchReport, fetchQaReports } = await import('../../check/check-store.js')
    const report = await fetchReport(values.server, process.env.TOLK_TOKEN, langs, positionals.map(documentIdOf))
    checked = checkReport(report)
    if (qaFloor) {
      const { addQaProblems } = await import('../../check/qa-problems.js')
      addQaProblems(checked, await fetchQaReports(values.server, process.env.TOLK_TOKEN, report), qaFloor)
    }
  } else {
    // A check must not create the database it is asked to check: withStore refuses a missing one.
    source = { kind: 'db', location: redact(resolveDbPath(values.db)), lang: null }
    const { checkReport } = await import('../../check/check-store.js')
    const { report, shapes, qa } = await readDb(values.db, positionals.map(documentIdOf), langs, qaFloor !== undefined)
    checked = checkReport(report, shapes)
    if (qaFloor) {
      const { addQaProblems } = await import('../../check/qa-problems.js')
      addQaProblems(checked, qa, qaFloor)
    }
  }

  if (source.kind === 'locales' || source.kind === 'files') {
    // A threshold for a language the tree does not hold is a typo or a lost folder, never a pass.
    const absent = [...thresholds.perLang.keys()].filter((l) => !checked.languages.has(l))
    if (absent.length > 0) {
      const found = [...checked.languages.keys()].join(', ') || 'none'
      throw new UsageError(`--min names ${absent.join(', ')}, not a target language of ${source.location} (target languages: ${found})`)
    }
  }
  const result = evaluate(checked, { source, measure, thresholds, ...(baseline ? { baseline } : {}), ...(cfg?.severity ? { severity: cfg.severity } : {}) })
  const annotations = values.annotations === undefined ? cfg?.annotations : Number(values.annotations)
  if (annotations !== undefined && !(Number.isInteger(annotations) && annotations >= 0)) throw new UsageError(`--annotations takes a whole number, not "${values.annotations}"`)
  const opts = { quiet: values.quiet ?? false, version: version(), ...(limit !== undefined ? { limit } : {}), ...(annotations !== undefined ? { annotations } : {}) }
  const summary = process.env.GITHUB_STEP_SUMMARY
  if (format === 'github' && summary) appendFile(summary, await render('markdown', result, opts))
  if (values.badge !== undefined) await writeBadge(values.badge, result)
  if (update && values.baseline !== undefined) {
    // Every source key keeps the date it was first seen; a new one is seen today.
    if (checked.sourceKeys) result.firstSeen = Object.fromEntries(checked.sourceKeys.map((k) => [k, firstSeen.get(k) ?? today]))
    writeFile(values.baseline, await render('json', result, opts))
  }
  if (values.output !== undefined) {
    writeFile(values.output, await render(format, result, opts))
    for (const chunk of await render('text', result, { ...opts, quiet: true })) await writeOut(chunk)
  } else {
    for (const chunk of await render(format, result, opts)) await writeOut(chunk)
  }
  return result.passed ? 0 : 1
}

async function readDb(db: string | undefined, articles: string[], langs: string[] | undefined, withQa: boolean) {
  // Loaded only here: the store and its importers cost start-up time a locale check never needs.
  const [{ withStore }, { buildReport }] = await Promise.all([import('../store-access.js'), import('../../report/build-report.js')])
  try {
    return await withStore(db, async (store) => {
      const report = await buildReport(store, { articles, ...(langs ? { langs } : {}) })
      // The plural forms of each document, from the counters: keys are counted as --locales counts them.
      const shapes = await store.resourceSets.pluralCounts(report.articles.map((a) => a.id))
      const qa: QaReport[] = []
      if (withQa) {
        const { articleQa } = await import('../../qa/article-qa.js')
        for (const a of report.articles) for (const lang of Object.keys(a.languages)) qa.push(await articleQa(store, a.id, lang))
      }
      return { report, shapes, qa }
    })
  } catch (err) {
    if (err instanceof TolkError) throw err
    throw new InvalidInput(`cannot read the database ${redact(resolveDbPath(db))}: ${(err as Error).message}`, 'unreadable-file')
  }
}

async function writeBadge(path: string, r: CheckResult): Promise<void> {
  const { renderBadge } = await import('../../check/badge.js')
  const langs = Object.entries(r.languages)
  const lowest = langs.reduce((min, [, l]) => Math.min(min, l.coverage), langs.length > 0 ? 1 : 0)
  const label = langs.length === 1 ? `translated (${langs[0]?.[0]})` : 'translated'
  writeFile(path, [renderBadge(label, lowest)])
}

/** Append to a file GitHub gave (the step summary), or exit 2 naming it. */
function appendFile(path: string, chunks: Iterable<string>): void {
  writeFile(path, chunks, 'a')
}

function writeFile(path: string, chunks: Iterable<string>, flags = 'w'): void {
  try {
    const fd = openSync(path, flags)
    try {
      for (const chunk of chunks) writeSync(fd, chunk)
    } finally {
      closeSync(fd)
    }
  } catch (err) {
    throw new InvalidInput(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'unwritable-file')
  }
}

/** `fn`, its error handed to `onError` (which throws). */
function guarded<T>(fn: () => T, onError: (err: unknown) => never): T {
  try {
    return fn()
  } catch (err) {
    return onError(err)
  }
}

/** Turn a RangeError from option parsing into a usage error (exit 2). */
function usage<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message)
    throw err
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}
