/**
 * Reading an i18next tree (`DIR/<lng>/<ns>.json`) for `tolk import-locales`: every file read and
 * checked before anything is written, errors with file and line (exit 2).
 */
import { statSync } from 'node:fs'
import { keyLines } from '../check/json-lines.js'
import { type FolderMap, type JsonFile, listLocaleTree, nonStringValue, readJsonFile } from '../check/read-locales.js'
import { InvalidInput } from '../model/errors.js'
import { namespaceProblem } from '../model/namespaces.js'
import { printable } from '../model/tags.js'
import { TEXT_LIMITS, TextRuleError, textProblem } from '../model/text-rule.js'
import type { Warning } from '../model/unit.js'
import type { ResourceSetImport } from '../store/resource-sets.js'
import {
  detectLayout,
  flattenResources,
  keyId,
  nestResources,
  type JsonLayout,
  type ResourceEntry,
  serialiseResources,
} from './i18next-resources.js'
import { pluralStandIns } from './plural-stand-ins.js'

/** The namespaces of a tree, parsed, and what was left out. */
export interface LocaleTreeImport {
  sets: ResourceSetImport[]
  files: number
  warnings: Warning[]
}

/**
 * Read the tree under `dir` whose source language is `source` (canonical BCP 47), its folders
 * named as `tolk check --locales` reads them (`pt_BR`, `map`: folder → tag).
 */
export function readLocaleTree(dir: string, source: string, map: FolderMap = new Map()): LocaleTreeImport {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InvalidInput(`cannot read the locale folder ${dir}: no such directory; give the folder that holds en/, sv/, …`, 'unreadable-file')
  }
  const tree = listLocaleTree(dir, source, undefined, map)
  const warnings: Warning[] = tree.warnings.map((message) => ({ code: 'not-a-language', message }))
  const sets = new Map<string, ResourceSetImport>()
  let files = 0
  for (const [ns, path] of tree.sourceFiles) {
    // A namespace in a subfolder is named by its path (`admin/users`), as tolk check reads it;
    // a name that could not travel safely (a space, a backslash, too deep) stops the import.
    const why = namespaceProblem(ns)
    if (why !== undefined) {
      throw new InvalidInput(`${path}: the namespace "${printable(ns)}" cannot be imported: ${why}; name files and folders with 1–100 letters, digits, ".", "_" or "-"`, 'invalid-id')
    }
    sets.set(ns, { id: ns, lang: source, source: readResourceFile(path, warnings), targets: [] })
    files++
  }
  for (const [lang, namespaces] of tree.targets) {
    for (const [ns, path] of namespaces) {
      const set = sets.get(ns)
      if (!set) {
        warnings.push({ code: 'no-source-file', message: `${path}: ${source} has no ${ns}.json; skipped` })
        continue
      }
      const file = readResourceFile(path, warnings)
      const standIns = pluralStandIns(set.source.entries, source, lang, file.entries)
      set.targets.push({ lang, ...file, ...(standIns.length > 0 ? { standIns } : {}) })
      files++
    }
  }
  // A language folder without one of the namespaces still translates it: every key is missing.
  for (const set of sets.values()) {
    const missing = [...tree.targets.keys()].filter((lang) => !set.targets.some((t) => t.lang === lang))
    if (missing.length > 0) set.alsoTargets = missing
  }
  return { sets: [...sets.values()], files, warnings }
}

/** One file: its leaves in order (checked as unit ids, each once) and its layout. */
function readResourceFile(path: string, warnings: Warning[]): JsonLayout & { entries: ResourceEntry[] } {
  const file = readJsonFile(path)
  const entries = flattenResources(file.value, (p, v) => {
    throw nonStringValue(file, keyId(p), v)
  })
  const seen = new Set<string>()
  for (const e of entries) {
    const id = keyId(e.path)
    if (id === '') throw new InvalidInput(`${file.path}${lineOf(file, '')}: an empty key: i18next cannot look it up (t('') finds nothing); give it a name`, 'empty-key')
    if (seen.has(id)) throw keyError(file, id, 'is there twice (as a flat key and nested): keep one', 'duplicate-key')
    seen.add(id)
    const problem = textProblem(e.value, TEXT_LIMITS.translation)
    if (problem !== undefined) throw new TextRuleError(`${file.path}${lineOf(file, id)}: the string of "${printable(id)}"`, problem)
  }
  const layout = detectLayout(file.text)
  // A BOM and CRLF line endings are named as the cause: export-locales keeps them only where it
  // writes over this file, since the store keeps neither.
  const crlf = file.text.includes('\r\n')
  if (file.bom) {
    warnings.push({ code: 'not-byte-stable', message: `${path}: starts with a byte order mark (BOM); tolk export-locales keeps it when it writes over this file, and writes a new file without one` })
  }
  if (crlf) {
    warnings.push({ code: 'not-byte-stable', message: `${path}: has Windows line endings (CRLF); tolk export-locales keeps them when it writes over this file, and writes a new file with LF` })
  }
  const text = crlf ? file.text.replace(/\r\n/g, '\n') : file.text
  if (serialiseResources(nestResources(entries), layout) !== text) {
    warnings.push({ code: 'not-byte-stable', message: `${path}: not written as JSON.stringify would (spacing, escapes); tolk export-locales will write it normalised` })
  }
  return { ...layout, entries }
}

function keyError(file: JsonFile, key: string, why: string, code: string): InvalidInput {
  return new InvalidInput(`${file.path}${lineOf(file, key)}: the key "${printable(key)}" ${why}`, code)
}

function lineOf(file: JsonFile, key: string): string {
  const line = keyLines(file.text, new Set([key])).get(key)
  return line === undefined ? '' : `:${line}`
}
