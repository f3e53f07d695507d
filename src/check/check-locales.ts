/**
 * `tolk check --locales DIR --source en`: compare every target language's files with the source's,
 * parsing each file once. Problems stay compact until printed (locale-problems.ts), and only the
 * printed ones get their lines.
 */
import { compareLevel, emptyCounts, type CompareContext, type LanguageCounts } from './compare-file.js'
import { eitherFilter, keyFilter, leafKeys, withoutIgnored, type KeyFilter } from './config/ignore-keys.js'
import { expandDeep } from './key-shapes.js'
import { LocaleProblems, lineTargetProblems, type Compared, type Source } from './locale-problems.js'
import { objectList } from './object-list.js'
import { pluralForms, splitPluralKey } from './plural-rules.js'
import { listLocaleTree, readJsonFile, type FolderMap, type ParsedFile } from './read-locales.js'
import type { DeferredProblems } from './problem-list.js'
import { indexSource, ListPool } from './source-index.js'
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
  /** Folder names read as other languages (`--map zhtw=zh-TW`; canonical tags). */
  map?: FolderMap
  /** Key patterns left out (the config's `ignore`): by language tag, `*` for every language. */
  ignore?: ReadonlyMap<string, readonly string[]>
  /**
   * Source keys in their grace period (`--grace-days`): asked once per source string's dotted
   * path (each plural form its own); true leaves the key out in every language, as `ignore` does.
   */
  grace?: (path: string) => boolean
  /** List every source string's dotted path in `sourceKeys` (for `--update-baseline`). */
  listKeys?: boolean
  /**
   * Find the lines of every problem in a target file while its text is at hand, for an output
   * that prints them all (json, junit, sarif, github); else a file is read again for the lines of
   * the few problems printed.
   */
  everyLine?: boolean
}

/** Counts and problems of a locale tree (or of any source), before thresholds are applied. */
export interface CheckedSource {
  checked: { files: number; languages: number; strings: number }
  languages: Map<string, LanguageCounts>
  /** A plain list, or (a locale tree's) problems made only when printed. */
  problems: Problem[] | DeferredProblems
  /** What was skipped, one sentence each (printed on stderr). */
  warnings?: string[]
  /** Every source string's dotted path, when `listKeys` asked for them. */
  sourceKeys?: string[]
}

/** Check a locale tree: counts per target language and every problem with its file and line. */
export function checkLocales(opts: LocalesOptions): CheckedSource {
  const tree = listLocaleTree(opts.dir, opts.source, opts.langs, opts.map)
  let files = 0
  let strings = 0
  const pool = new ListPool()
  const everyLang = opts.ignore?.get('*') ?? []
  // Keys in grace, found in the source and left out of the targets too (with their groups' bases).
  const graced = new Set<string>()
  const sourceKeys: string[] | undefined = opts.listKeys ? [] : undefined
  const graceFilter: KeyFilter | null = opts.grace ? { test: (key) => graced.has(key) } : null
  const allFilter = eitherFilter(keyFilter(everyLang), graceFilter)
  /** The source namespaces indexed without the keys `filter` ignores. */
  const indexAll = (filter: KeyFilter | null, count: boolean): Map<string, Source> => {
    const indexed = new Map<string, Source>()
    for (const [ns, path] of tree.sourceFiles) {
      const file = readJsonFile(path)
      // Flat keys nest at their dots (a target's levels are nested as they are met: compareLevel).
      file.value = expandDeep(file.value)
      if (count && (opts.grace || sourceKeys)) {
        for (const key of leafKeys(file.value)) {
          sourceKeys?.push(key)
          if (opts.grace?.(key)) graced.add(key).add(groupBase(key))
        }
      }
      if (filter) file.value = withoutIgnored(file.value, filter)
      const index = indexSource(file, opts.source, pool, opts.optionalPlurals)
      indexed.set(ns, { path, index, lined: false })
      if (count) {
        files++
        strings += index.strings
      }
    }
    return indexed
  }
  const shared = indexAll(allFilter, true)

  const languages = new Map<string, LanguageCounts>()
  const compared: Compared[] = []
  for (const [lang, namespaces] of tree.targets) {
    // A language with patterns of its own gets a source index of its own.
    const own = opts.ignore?.get(lang)
    const filter = own ? eitherFilter(keyFilter([...everyLang, ...own]), graceFilter) : allFilter
    const sources = own ? indexAll(filter, false) : shared
    const counts = emptyCounts()
    const forms = {
      cardinal: pluralForms(lang, 'cardinal', opts.optionalPlurals),
      ordinal: pluralForms(lang, 'ordinal', opts.optionalPlurals),
    }
    const names = new Set([...tree.sourceFiles.keys(), ...namespaces.keys()])
    for (const ns of [...names].sort()) {
      const source = sources.get(ns)
      const path = namespaces.get(ns)
      const file = path === undefined ? undefined : readTarget(path, opts.everyLine ?? false, filter)
      if (file) files++
      const text = file?.text
      const targetPath = path ?? `${tree.dir}/${lang}/${ns}.json`
      const ctx: CompareContext = { lang, forms, counts, file, targetPath, here: objectList(), missing: objectList() }
      compareLevel(source?.index.root, file?.value ?? {}, '', ctx)
      if (ctx.missing.length === 0 && ctx.here.length === 0) continue
      const c: Compared = { lang, forms, source, targetPath, missing: ctx.missing, here: ctx.here, lined: false }
      if (text !== undefined) lineTargetProblems(c, text)
      compared.push(c)
    }
    strings += counts.strings
    languages.set(lang, counts)
  }
  return { checked: { files, languages: languages.size, strings }, languages, problems: new LocaleProblems(compared), warnings: tree.warnings, ...(sourceKeys ? { sourceKeys } : {}) }
}

/** A plural form's group path (`a.items_one` → `a.items`); the key itself when it is no form. */
function groupBase(key: string): string {
  const dot = key.lastIndexOf('.')
  const split = splitPluralKey(key.slice(dot + 1))
  return split ? key.slice(0, dot + 1) + split.base : key
}

/**
 * A target file parsed, its text kept only when `keepText` (the lines of its problems are found at
 * once): a 100 KB string alive during the comparison is copied by every young-generation
 * collection it goes through. The text goes out of scope here, when this function returns.
 */
function readTarget(path: string, keepText: boolean, filter: KeyFilter | null): ParsedFile {
  const { text, value: read } = readJsonFile(path)
  const value = filter ? withoutIgnored(read, filter) : read
  return keepText ? { path, value, text } : { path, value }
}
