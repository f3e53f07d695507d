/**
 * Reading an i18next locale tree (`DIR/<lng>/<ns>.json`): which languages and namespaces there
 * are, and each file read once as strict UTF-8 and JSON.parse'd, with file, line and column on errors.
 */
import { isUtf8 } from 'node:buffer'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { InvalidInput } from '../model/errors.js'
import { printable } from '../model/tags.js'
import { parseFolderLanguage } from './folder-language.js'
import { keyLines, lineAndColumn, syntaxErrorOffset } from './json-lines.js'

/** The files of one language folder: namespace (`app`, `admin/users` for a subfolder's file) → path. */
export type Namespaces = Map<string, string>

/** The folders and files of a locale tree, listed before any file is read. */
export interface LocaleTree {
  dir: string
  source: string
  sourceFiles: Namespaces
  /** Target language (canonical BCP 47) → its files, in language order. */
  targets: Map<string, Namespaces>
  /** Folders skipped, one sentence each (a name that is no language tag). */
  warnings: string[]
}

/** How folder names become languages: `--map zhtw=zh-TW` (folder name → tag), then `_` read as `-`. */
export type FolderMap = ReadonlyMap<string, string>

/**
 * List the tree under `dir`. A folder is named by a BCP 47 tag (checked with parseLanguage), by
 * one with `_` for `-` (`pt_BR`, as many projects name them), or by a name `map` gives a tag; any
 * other folder is skipped with a warning. Two folders naming one language exit 2. Files other
 * than `*.json` and hidden folders are ignored; `*.json` files in subfolders are namespaces
 * named by their path (`admin/users`), as i18next-fs-backend loads them. `langs` limits the targets.
 */
export function listLocaleTree(dir: string, source: string, langs?: readonly string[], map: FolderMap = new Map()): LocaleTree {
  let names: string[]
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory')
    names = readdirSync(dir).sort()
  } catch {
    throw new InvalidInput(`cannot read the locale folder ${dir}: no such directory; give --locales the folder that holds en/, sv/, …`, 'unreadable-file')
  }
  const { folders, warnings } = languageFolders(dir, names, map)
  const sourceFolder = folders.get(source)
  if (sourceFolder === undefined) {
    const found = [...folders.keys()].join(', ') || 'none'
    throw new InvalidInput(`${dir} has no folder for the source language ${source} (language folders found: ${found})`, 'unreadable-file')
  }
  const sourceFiles = listNamespaces(join(dir, sourceFolder))
  if (sourceFiles.size === 0) throw new InvalidInput(`${join(dir, sourceFolder)} holds no .json files: nothing to check`, 'unreadable-file')
  const targets = new Map<string, Namespaces>()
  for (const [lang, folder] of folders) {
    if (lang === source || (langs && !langs.includes(lang))) continue
    targets.set(lang, listNamespaces(join(dir, folder)))
  }
  for (const lang of langs ?? []) {
    if (!targets.has(lang) && lang !== source) targets.set(lang, new Map())
  }
  return { dir, source, sourceFiles, targets, warnings }
}

/**
 * The language folders among `names` (the entries of `dir`), by language, and a warning for each
 * folder that names none. Two folders naming one language exit 2: i18next loads only one.
 */
function languageFolders(dir: string, names: readonly string[], map: FolderMap): { folders: Map<string, string>; warnings: string[] } {
  const folders = new Map<string, string>()
  const warnings: string[] = []
  for (const name of names) {
    if (name.startsWith('.') || !statSync(join(dir, name)).isDirectory()) continue
    const lang = folderLanguage(name, map)
    if (lang === null) {
      warnings.push(`${join(dir, name)}: the folder name "${printable(name)}" is not a BCP 47 language tag; skipped (name it en, sv, pt-BR, … or map it: --map ${printable(name)}=zh-TW)`)
      continue
    }
    const other = folders.get(lang)
    if (other !== undefined) {
      throw new InvalidInput(`${dir}: the folders ${other} and ${name} both name the language ${lang}; keep one (i18next loads only one of them)`, 'duplicate-language')
    }
    folders.set(lang, name)
  }
  return { folders, warnings }
}

/**
 * The folder each language's files go to in the tree under `dir` (which need not exist yet): the
 * folder already naming it (`pt_BR`), else the one `map` names for it, else its tag.
 */
export function folderOfLanguage(dir: string, map: FolderMap = new Map()): (lang: string) => string {
  let names: string[] = []
  try {
    names = readdirSync(dir).sort()
  } catch {
    // A new tree: every language gets its own folder.
  }
  const { folders } = languageFolders(dir, names, map)
  const mapped = new Map([...map].map(([folder, lang]) => [lang, folder]))
  return (lang) => folders.get(lang) ?? mapped.get(lang) ?? lang
}

/** The language a folder names (canonical), or null when it names none. */
function folderLanguage(name: string, map: FolderMap): string | null {
  const mapped = map.get(name)
  if (mapped !== undefined) return mapped
  try {
    return parseFolderLanguage(name)
  } catch {
    return null
  }
}


/** The `*.json` files of a language folder and its subfolders (hidden ones left out), by namespace. */
function listNamespaces(folder: string, files: Namespaces = new Map(), under = ''): Namespaces {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const name = entry.name
    if (name.startsWith('.')) continue
    if (entry.isDirectory()) listNamespaces(join(folder, name), files, `${under}${name}/`)
    else if (name.endsWith('.json')) files.set(under + name.slice(0, -'.json'.length), join(folder, name))
  }
  return files
}

/** A JSON object read from a file, with its text kept for finding key lines later. */
export interface JsonFile {
  path: string
  /** The text, a leading BOM dropped. */
  text: string
  value: Record<string, unknown>
  /** The file started with a UTF-8 byte order mark. */
  bom?: true
}

/** Read a file as strict UTF-8, a leading BOM dropped; unreadable or invalid bytes exit 2 naming the file. */
export function readUtf8File(path: string): string {
  const text = readUtf8FileWithBom(path)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** As readUtf8File, a leading BOM kept. */
function readUtf8FileWithBom(path: string): string {
  const text = reading(path, () => readFileSync(path, 'utf8'))
  // Decoding puts U+FFFD in place of invalid bytes, so a text without one was valid UTF-8. With
  // one, the bytes are checked (simdutf): the file may hold U+FFFD itself. Decoded straight to a
  // string, the file makes no Buffer for the collector to track and sweep.
  if (text.includes('\uFFFD') && !isUtf8(reading(path, () => readFileSync(path)))) {
    throw new InvalidInput(`${path} is not valid UTF-8; convert it to UTF-8`, 'invalid-utf8')
  }
  return text
}

/** A file's bytes, for readers that decode by the file's own charset; a failed read exits 2 naming it. */
export function readBytes(path: string): Buffer {
  return reading(path, () => readFileSync(path))
}

/** A read of `path` whose failure (the second read too: the file may go in between) exits 2 naming the file. */
function reading<T>(path: string, read: () => T): T {
  try {
    return read()
  } catch (err) {
    throw new InvalidInput(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`, 'unreadable-file')
  }
}

/** Read one file once: strict UTF-8, a leading BOM dropped, JSON.parse'd; the top level must be an object. */
export function readJsonFile(path: string): JsonFile {
  const withBom = readUtf8FileWithBom(path)
  const bom = withBom.charCodeAt(0) === 0xfeff
  const text = bom ? withBom.slice(1) : withBom
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    const offset = syntaxErrorOffset(text, err as Error)
    const { line, column } = lineAndColumn(text, offset)
    const message = (err as Error).message
    // V8's "Unexpected token" quotes a slice of the file; name the character instead.
    const why = message.startsWith('Unexpected token')
      ? `unexpected ${offset < text.length ? JSON.stringify(text.slice(offset, offset + 1)) : 'end of file'}`
      : message.replace(/ in JSON at position \d+.*$/s, '')
    throw new InvalidInput(`${path}:${line}:${column}: malformed JSON: ${why}`, 'malformed-json')
  }
  if (!isObject(value)) throw new InvalidInput(`${path}:1:1: the top level must be a JSON object of keys, not ${describe(value)}`, 'invalid-resource')
  return { path, text, value, ...(bom ? { bom: true as const } : {}) }
}

/** A plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A file as parsed, its text kept only when something still needs it (see checkLocales). */
export type ParsedFile = Pick<JsonFile, 'path' | 'value'> & { text?: string }

/**
 * The error for a value i18next JSON v4 cannot hold here: exit 2 with file and line. A file
 * compared without its text is read again for the line.
 */
export function nonStringValue(file: Pick<ParsedFile, 'path' | 'text'>, key: string, value: unknown): InvalidInput {
  let text = file.text
  if (text === undefined) {
    try {
      text = readUtf8File(file.path)
    } catch {
      // Gone since it was parsed: the error names the file without a line.
    }
  }
  const line = text === undefined ? undefined : keyLines(text, new Set([key])).get(key)
  const place = line === undefined ? file.path : `${file.path}:${line}`
  return new InvalidInput(`${place}: "${printable(key)}" is ${describe(value)}; translations must be strings (or objects of them)`, 'invalid-resource')
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  return `a ${typeof v} (${printable(String(v), 20)})`
}
