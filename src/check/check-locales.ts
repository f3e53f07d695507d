/**
 * `tolk check --locales DIR --source en`: compare every target language's files with the source's,
 * reading each file once and finding line numbers only for the keys that are reported.
 */
import { keyLines, lineCounter, valueOffset, writtenPlainly } from './json-lines.js'
import { compareLevel, emptyCounts, missingProblem, type CompareContext, type LanguageCounts, type Pending } from './compare-file.js'
import { pluralForms } from './plural-rules.js'
import { listLocaleTree, readJsonFile, type LocaleTree } from './read-locales.js'
import { indexSource, type Entry, type SourceIndex } from './source-index.js'
import { findEntryLines } from './source-lines.js'
import type { Problem } from './types.js'

/** What `--locales` checks: the tree, its source language, the targets and the relaxed plural categories. */
export interface LocalesOptions {
  dir: string
  /** Source language (canonical BCP 47). */
  source: string
  /** Only these target languages (canonical); all folders when absent. */
  langs?: readonly string[]
  /** Plural categories that are never required (`--optional-plurals`). */
  optionalPlurals: ReadonlySet<string>
  /** Called once the tree is listed, before any file is read (the CLI sizes V8's heap by it). */
  onListed?: (tree: LocaleTree) => void
}

/** Counts and problems of a locale tree, before thresholds are applied. */
export interface CheckedSource {
  checked: { files: number; languages: number; strings: number }
  languages: Map<string, LanguageCounts>
  problems: Problem[]
}

/** One source namespace: its index, and its text kept for finding the lines of missing keys. */
interface Source {
  path: string
  text: string
  index: SourceIndex
  /** Whether some target lacks one of its keys (then its lines are needed). */
  wanted: boolean
}

/** What one target file comparison left to report. */
interface Compared {
  lang: string
  forms: CompareContext['forms']
  source: Source | undefined
  missing: Entry[]
  here: Pending[]
}

/** Check a locale tree: counts per target language and every problem with its file and line. */
export function checkLocales(opts: LocalesOptions): CheckedSource {
  const tree = listLocaleTree(opts.dir, opts.source, opts.langs)
  opts.onListed?.(tree)
  let files = 0
  let strings = 0
  const sources = new Map<string, Source>()
  for (const [ns, path] of tree.sourceFiles) {
    const file = readJsonFile(path)
    const index = indexSource(file, opts.source)
    sources.set(ns, { path, text: file.text, index, wanted: false })
    files++
    strings += index.strings
  }

  const languages = new Map<string, LanguageCounts>()
  const compared: Compared[] = []
  for (const [lang, namespaces] of tree.targets) {
    const counts = emptyCounts()
    const forms = {
      cardinal: pluralForms(lang, 'cardinal', opts.optionalPlurals),
      ordinal: pluralForms(lang, 'ordinal', opts.optionalPlurals),
    }
    const names = new Set([...tree.sourceFiles.keys(), ...namespaces.keys()])
    for (const ns of [...names].sort()) {
      const source = sources.get(ns)
      const path = namespaces.get(ns)
      const file = path === undefined ? undefined : readJsonFile(path)
      if (file) files++
      const ctx: CompareContext = { lang, forms, counts, file, targetPath: path ?? `${tree.dir}/${lang}/${ns}.json`, here: [], missing: [] }
      compareLevel(source?.index.root, file?.value ?? {}, '', ctx)
      // Lines in the target file are found now, while its text is at hand; it is dropped after.
      if (file) resolveLines(file.text, ctx.here)
      if (source && ctx.missing.length > 0) source.wanted = true
      if (ctx.missing.length > 0 || ctx.here.length > 0) compared.push({ lang, forms, source, missing: ctx.missing, here: ctx.here })
    }
    strings += counts.strings
    languages.set(lang, counts)
  }
  // Missing keys point at the line of their source key: one scan per source file, for all languages.
  for (const source of sources.values()) if (source.wanted) findEntryLines(source.text, source.index.root)
  const problems: Problem[] = []
  for (const c of compared) {
    const sourcePath = c.source?.path ?? '(no source file)'
    for (const e of c.missing) problems.push(missingProblem(e, c.lang, c.forms, sourcePath))
    for (const p of c.here) problems.push(p.problem)
  }
  return { checked: { files, languages: languages.size, strings }, languages, problems }
}

/** Problems in one file up to which each is searched for by its value; past it, one walk finds them all. */
const SEARCHED = 4

/**
 * Lines of the problems found in one target file: by searching for each key's value when that is
 * exact and the problems are few (each search may read the whole file), else by one walk.
 */
function resolveLines(text: string, pending: Pending[]): void {
  if (pending.length === 0) return
  const plain = pending.length <= SEARCHED && writtenPlainly(text)
  const found: { p: Pending; at: number }[] = []
  const walk: Pending[] = []
  for (const p of pending) {
    const at = plain && p.value !== null && p.lineKey.endsWith(p.name) ? valueOffset(text, p.name, p.value) : undefined
    if (at === undefined) walk.push(p)
    else found.push({ p, at })
  }
  found.sort((a, b) => a.at - b.at)
  const lineAt = lineCounter(text)
  for (const { p, at } of found) p.problem.line = lineAt(at)
  if (walk.length === 0) return
  const lines = keyLines(text, new Set(walk.map((p) => p.lineKey)))
  for (const p of walk) p.problem.line = lines.get(p.lineKey) ?? null
}
