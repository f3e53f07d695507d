import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { formatOfFile } from '../documents/formats.js'
import { InvalidInput } from '../model/errors.js'
import { decodeText } from '../model/utf8.js'
import { resolveTextLanguage } from '../segment/resolve-language.js'
import { TMX_TAIL, tmxHead, tmxUnit } from '../tm/tmx-write.js'
import { alignDocuments } from '../workflows/align-translation.js'
import { UsageError, writeOut } from './output.js'
import { withStore } from './store-access.js'

/** Pairs below this confidence stay out of the memory unless `--min-confidence` says otherwise. */
export const DEFAULT_MIN_CONFIDENCE = 0.8

/**
 * `tolk tm align SOURCE TRANSLATED --lang sv [--source-lang en]`: pair the two documents' sentences
 * and add the sure pairs to the memory through its TMX import (so both backends key, skip and
 * count them as any TMX), written to a temporary file first.
 */
export async function tmAlign(
  files: string[],
  o: { db: string | undefined; lang: string | undefined; srcLang: string | undefined; minConfidence: string | undefined; author: string },
): Promise<number> {
  if (files.length !== 2) throw new UsageError('give SOURCE and TRANSLATED documents; see --help')
  if (!o.lang) throw new UsageError('name the translation\'s language with --lang')
  if (o.minConfidence !== undefined && !/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/.test(o.minConfidence)) {
    throw new UsageError(`--min-confidence takes a number 0–1, not "${o.minConfidence}"`)
  }
  const min = o.minConfidence === undefined ? DEFAULT_MIN_CONFIDENCE : Number(o.minConfidence)
  const [sourceFile, targetFile] = files as [string, string]
  const sourceText = read(sourceFile)
  const targetText = read(targetFile)
  const resolved = await resolveTextLanguage(sourceText, o.srcLang, undefined, { flag: (l) => `--source-lang ${l}` })
  if (resolved.lang === 'und') throw new InvalidInput(`the language of ${sourceFile} could not be told; say it with --source-lang`, 'unknown-language')
  for (const w of resolved.warnings) process.stderr.write(`tolk tm align: warning: ${w.message}\n`)
  const { pairs, left } = alignDocuments(
    { text: sourceText, format: formatOfFile(sourceFile), lang: resolved.lang, name: sourceFile },
    { text: targetText, format: formatOfFile(targetFile), lang: o.lang, name: targetFile },
    min,
  )
  const at = new Date().toISOString()
  const tmp = path.join(os.tmpdir(), `tolk-tm-align-${process.pid}.tmx`)
  let tmx = tmxHead(resolved.lang, at)
  pairs.forEach((p, i) => {
    tmx += tmxUnit({ id: i + 1, origin: 'tmx', srcLang: resolved.lang, tgtLang: o.lang!, tag: null, source: p.source, target: p.target, articleId: null, unitId: null, author: o.author, updatedAt: at })
  })
  fs.writeFileSync(tmp, tmx + TMX_TAIL)
  try {
    const s = await withStore(o.db, (store) => store.memory.importTmx(tmp, { name: `${sourceFile} + ${targetFile}` }), { create: true })
    await writeOut(`${sourceFile} (${resolved.lang}) + ${targetFile} (${o.lang}): ${pairs.length} pairs at ${min} or more sure, ${s.added} entries added, ${s.duplicates} already held, ${left} left out\n`)
  } finally {
    fs.rmSync(tmp, { force: true })
  }
  return 0
}

function read(file: string): string {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch {
    throw new InvalidInput(`${file}: no such file, or it cannot be read`, 'unreadable-file')
  }
  return decodeText(bytes, file)
}
