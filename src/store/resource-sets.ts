/**
 * The Store's i18next resource sets: a namespace as a document whose units are its keys (unit id
 * = key path). Schema and reasons: src/store/migrations/007-resource-sets.ts.
 */
import type { JsonLayout, KeyPath, ResourceEntry } from '../formats/i18next-resources.js'

/** One language's file of a resource set as last imported: its layout and its key order. */
export interface ResourceFile extends JsonLayout {
  lang: string
  /** Key paths in the order the file had them. */
  layout: KeyPath[]
  /** Strings of keys the source does not have (a target's extra plural forms), kept as imported. */
  extras: Record<string, string>
}

/**
 * A resource set: its document id, its namespace (the id itself, or a subfolder namespace such as
 * `admin/users` whose id is derived from it: src/model/namespaces.ts), text language, targets and
 * imported files.
 */
export interface ResourceSet {
  id: string
  namespace: string
  lang: string
  targets: string[]
  files: ResourceFile[]
}

/** Keys i18next's saveMissing posted for one language of one namespace. */
export interface MissingKeys {
  namespace: string
  lang: string
  /** Dotted key → fallback value, in the order posted. */
  keys: [string, string][]
  /** Targets of the namespace when this post creates it (the posted language left out). */
  targets: string[]
}

/** What a saveMissing post did. */
export interface MissingKeysResult {
  namespace: string
  lang: string
  /** The namespace was new: this post created its resource set. */
  created: boolean
  /** Keys that became units (posts to the text language only). */
  added: string[]
  /** Keys that were units already: left alone (only an empty source is filled in). */
  existing: number
  /** The posted language was not a target and now is. */
  targetAdded: boolean
}

/** One namespace of an i18next tree: the source file and the target files, parsed. */
export interface ResourceSetImport {
  /** The namespace (`common`, `admin/users`); the set's document id is resourceSetId of it. */
  id: string
  lang: string
  source: JsonLayout & { entries: ResourceEntry[] }
  targets: (JsonLayout & {
    lang: string
    entries: ResourceEntry[]
    /**
     * Translations a plain key of the file stands in for, not keys of the file: zh `desc` in
     * place of en `desc_one`/`desc_other` is what i18next shows for every count, so it translates
     * `desc_other`, the one form Chinese has (src/formats/plural-stand-ins.ts).
     */
    standIns?: ResourceEntry[]
  })[]
  /**
   * Languages of the tree without a file of this namespace: targets all the same (every key
   * missing, as `tolk check --locales` counts them), with no file to write back.
   */
  alsoTargets?: string[]
}

/** What importing one namespace did. */
export interface ResourceImportSummary {
  namespace: string
  /** The set's document id: the namespace, or the id derived from one with folders (`ns-…`). */
  id: string
  created: boolean
  revision: number
  units: { new: number; changed: number; unchanged: number; obsolete: number }
  /** `unknown`: target strings of keys the source lacks, kept with their file (not units). */
  translations: { written: number; unchanged: number; unknown: number }
  targets: string[]
}

/** Resource sets in a store; every write is one transaction. */
export interface ResourceSets {
  /**
   * The resource set whose document id is `id` (for a namespace: resourceSetId(namespace));
   * undefined when there is none (also when `id` is an article, or archived).
   */
  get(id: string): Promise<ResourceSet | undefined>
  /** Every resource set but the archived ones, by id. */
  list(): Promise<ResourceSet[]>
  /**
   * Take an i18next saveMissing post. Creates the namespace when new (text language = the posted
   * language); in the text language adds each unknown key as a unit (source = its fallback),
   * never changing a key that exists; in any other language adds it as a target and nothing else.
   * Throws InvalidInput for a bad key or language; a 409 TolkError when the namespace is an article
   * (`not-a-resource-set`), is archived (`archived`), or would be created with no target language
   * (`no-targets`: `targets` has none but the posted language), in which case nothing is created.
   */
  addMissing(input: MissingKeys): Promise<MissingKeysResult>
  /**
   * Import namespaces of an i18next tree, all in one transaction: source strings become units
   * (a changed one turns its translations stale, a key gone turns obsolete), target strings
   * translations in state `translated` through the versioned write path, as `author`.
   */
  importTree(sets: ResourceSetImport[], opts: { author: string }): Promise<ResourceImportSummary[]>
  /**
   * The live plural units of each of `ids` (document ids) by form (`one`, `other`, `ordinal_few`),
   * from the counters (no unit is read): what `tolk check --db` folds plural units into keys by.
   * A document without plural units (an article, an unknown id) is not in the map.
   */
  pluralCounts(ids: readonly string[]): Promise<Map<string, Record<string, number>>>
}
