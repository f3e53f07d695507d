/**
 * One language of an i18next resource set as a file's entries, in the key order of the file it
 * was imported from (keys added since follow in unit order): what `GET /locales/:lng/:ns.json`
 * serves and `tolk export-locales` writes.
 */
import type { ResourceSet } from '../store/resource-sets.js'
import type { Store } from '../store/types.js'
import { DEFAULT_LAYOUT, keyId, type JsonLayout, type KeyPath, type ResourceEntry } from './i18next-resources.js'

/** Entries of one language and the layout to write them in. */
export interface ResourceSetFile {
  lang: string
  layout: JsonLayout
  entries: ResourceEntry[]
  /** The language had an imported file (export writes a file for it even when it is empty). */
  imported: boolean
}

/**
 * The strings of `lang` (the text language: sources; a target: translations). Served, only real
 * strings: a missing one lets i18next fall back and report it. For export (`forExport`), also the
 * empty strings an imported file had, so that an unchanged tree comes back byte for byte.
 */
export async function resourceSetFile(store: Store, set: ResourceSet, lang: string, forExport = false): Promise<ResourceSetFile> {
  const units = await store.listUnits(set.id)
  // Entries speak in keys; a unit's id is its key unless the key is no valid id.
  const keyOf = new Map(units.map((u) => [u.id, u.key ?? u.id]))
  const file = set.files.find((f) => f.lang === lang)
  const inFile = new Set(file?.layout.map(keyId))
  const values = new Map<string, string>()
  if (lang === set.lang) {
    // A borrowed plural form (Russian `_few` of an English source) is no string of the source's.
    for (const u of units) {
      const key = u.key ?? u.id
      if (!u.borrowed && (u.source !== '' || (forExport && inFile.has(key)))) values.set(key, u.source)
    }
  } else {
    for (const t of await store.listTranslations(set.id, lang)) {
      const key = keyOf.get(t.unitId) ?? t.unitId
      const done = t.state !== 'initial' && t.text !== ''
      if (done || (forExport && t.version > 0 && inFile.has(key))) values.set(key, t.text)
    }
    // Strings of keys the source lacks (a target's extra plural forms) as they were imported.
    for (const [id, text] of Object.entries(file?.extras ?? {})) {
      if (!values.has(id) && (text !== '' || forExport)) values.set(id, text)
    }
    // A form whose translation came from the plain key standing in for its group (zh `desc` for
    // `desc_other`, see plural-stand-ins.ts) is that key, not a key of the file of its own.
    for (const u of units) {
      const key = u.key ?? u.id
      if (!u.plural || inFile.has(key) || !key.endsWith(`_${u.plural}`)) continue
      const plain = file?.extras[key.slice(0, -u.plural.length - 1)]
      if (plain !== undefined && values.get(key) === plain) values.delete(key)
    }
  }
  // A key keeps the nesting its file gave it; one added since nests at its dots.
  const paths = new Map<string, KeyPath>()
  for (const f of [file, set.files.find((s) => s.lang === set.lang)]) {
    for (const p of f?.layout ?? []) if (!paths.has(keyId(p))) paths.set(keyId(p), p)
  }
  const order = [...(file?.layout.map(keyId) ?? []), ...units.map((u) => u.key ?? u.id)]
  const entries: ResourceEntry[] = []
  const done = new Set<string>()
  let arrays: Set<string> | undefined
  for (const id of order) {
    const value = values.get(id)
    if (value === undefined || done.has(id)) continue
    done.add(id)
    entries.push({ path: paths.get(id) ?? newKeyPath(id, (arrays ??= arrayPrefixes(paths))), value })
  }
  return { lang, layout: file ?? DEFAULT_LAYOUT, entries, imported: file !== undefined }
}

/** The dotted paths of the files' arrays (`steps` of `steps.0`). */
function arrayPrefixes(paths: ReadonlyMap<string, KeyPath>): Set<string> {
  const arrays = new Set<string>()
  for (const p of paths.values()) p.forEach((seg, i) => typeof seg === 'number' && arrays.add(keyId(p.slice(0, i))))
  return arrays
}

/**
 * The path of a key added since the files were imported (saveMissing): split at its dots, a
 * number where it continues one of the files' `arrays` (`steps.2` after `steps.0` and `steps.1`).
 */
function newKeyPath(id: string, arrays: ReadonlySet<string>): KeyPath {
  const segments: KeyPath = id.split('.')
  return segments.map((seg, i) => (/^(0|[1-9]\d*)$/.test(seg as string) && arrays.has(keyId(segments.slice(0, i))) ? Number(seg) : seg))
}
