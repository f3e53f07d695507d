/**
 * Reading an i18next tree (`DIR/<lng>/<ns>.json`) for `tolk import-locales`: every file read and
 * checked before anything is written, errors with file and line (exit 2).
 */
import { statSync } from 'node:fs'
import { keyLines } from '../check/json-lines.js'
import { type JsonFile, listLocaleTree, nonStringValue, readJsonFile } from '../check/read-locales.js'
import { InvalidInput } from '../model/errors.js'
import { isValidId } from '../model/ids.js'
import { printable } from '../model/tags.js'
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

/** The namespaces of a tree, parsed, and what was left out. */
export interface LocaleTreeImport {
  sets: ResourceSetImport[]
  files: number
  warnings: Warning[]
}

/** Read the tree under `dir` whose source language is `source` (canonical BCP 47). */
export function readLocaleTree(dir: string, source: string): LocaleTreeImport {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InvalidInput(`cannot read the locale folder ${dir}: no such directory; give the folder that holds en/, sv/, …`, 'unreadable-file')
  }
  const tree = listLocaleTree(dir, source)
  const warnings: Warning[] = []
  const sets = new Map<string, ResourceSetImport>()
  let files = 0
  for (const [ns, path] of tree.sourceFiles) {
    if (!isValidId(ns)) {
      throw new InvalidInput(`${path}: the namespace "${printable(ns)}" is not a valid id: name files with 1–100 letters, digits, ".", "_" or "-"`, 'invalid-id')
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
      set.targets.push({ lang, ...readResourceFile(path, warnings) })
      files++
    }
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
    if (!isValidId(id)) throw keyError(file, id, 'is not a key Tolk can store: use 1–100 letters, digits, ".", "_" or "-"', 'invalid-id')
    if (seen.has(id)) throw keyError(file, id, 'is there twice (as a flat key and nested): keep one', 'duplicate-key')
    seen.add(id)
  }
  const layout = detectLayout(file.text)
  if (serialiseResources(nestResources(entries), layout) !== file.text) {
    warnings.push({ code: 'not-byte-stable', message: `${path}: not written as JSON.stringify would (spacing, escapes); tolk export-locales will write it normalised` })
  }
  return { ...layout, entries }
}

function keyError(file: JsonFile, key: string, why: string, code: string): InvalidInput {
  const line = keyLines(file.text, new Set([key])).get(key)
  return new InvalidInput(`${file.path}${line === undefined ? '' : `:${line}`}: the key "${printable(key)}" ${why}`, code)
}
