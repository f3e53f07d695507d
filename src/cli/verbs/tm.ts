import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InvalidInput } from '../../model/errors.js'
import { parseLanguage } from '../../model/tags.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'
import { writeFileAtomically } from '../write-file.js'

export const HELP = `Usage: tolk tm import FILE [--source-lang en] [--map en-US=en …] [--db FILE]
       tolk tm export [--output FILE] [--source-lang en] [--lang sv] [--db FILE]
       tolk tm search QUERY --lang sv [--source-lang en] [--limit N] [--format text|json] [--db FILE]
       tolk tm pairs [--db FILE]
       tolk tm align SOURCE TRANSLATED --lang sv [--source-lang en] [--min-confidence 0.8] [--db FILE]

The translation memory: every translated, reviewed or final unit of every article (kept current
with each write), plus entries imported from TMX.

  import   read a TMX 1.4b file, check it whole, then write it in one transaction: a file that is
           not well-formed, not TMX or has a text against the text rule writes nothing (exit 2,
           naming the line); entries already held are counted, not added twice. Tags are read
           in any case (EN-US is en-US); Trados's ZH-CHS and ZH-CHT are zh-Hans and zh-Hant. A
           unit with a <tuv> in *all* or in a tag that names no language is skipped and
           counted; the file fails only when no unit is usable
  export   write the memory (or one language pair of it) as TMX 1.4b; an entry holding a
           character XML cannot carry (U+FFFE, U+FFFF, …) is refused with exit 2, naming the
           entry and the character, and nothing is written
  search   concordance: entries whose source or target holds QUERY (a word or a phrase)
  pairs    the language pairs held, with their entry counts
  align    fill the memory from a document and its translation (text, .md or .html): their
           sentences are paired as tolk align pairs them (docs/align.md), and each pair at
           least --min-confidence sure (default 0.8) is added as a TMX import adds it; the
           source language is --source-lang, else detected (exit 2 when it cannot be told)

Options:
  --lang xx          target language (search: required; export: only this one)
  --source-lang xx   source language (import: for a TMX whose srclang is *all*; align: the
                     source document's, else detected)
  --min-confidence C align: the least confidence 0–1 of a pair the memory takes (default 0.8)
  --as NAME          align: who the entries are by (default: TOLK_USER, else the system user)
  --map FROM=TO      import: store tag FROM as TO (repeat it): --map en-US=en folds a region.
                     Without it, matching already crosses regions (one point lower)
  --output FILE      export to FILE instead of standard output
  --limit N          most search hits (default 20, at most 200)
  --format F         search output: text (default) or json
${DB_HELP}
  -h, --help         this help

Exit status: 0 done, 2 bad usage or input (malformed TMX, unknown language pair, empty query).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    'source-lang': { type: 'string' },
    output: { type: 'string', short: 'o' },
    limit: { type: 'string' },
    format: { type: 'string', default: 'text' },
    map: { type: 'string', multiple: true },
    'min-confidence': { type: 'string' },
    as: { type: 'string' },
  }, true, { textFrom: 1 })
  const [action, ...rest] = positionals
  const srcLang = values['source-lang'] === undefined ? undefined : parseLanguage(values['source-lang'])
  const lang = values.lang === undefined ? undefined : parseLanguage(values.lang)
  switch (action) {
    case 'import': {
      if (rest.length !== 1) throw new UsageError('give one TMX file to import; see --help')
      const file = rest[0]!
      if (!fs.existsSync(file)) throw new InvalidInput(`${file}: no such file`, 'unreadable-file')
      const map = values.map === undefined ? undefined : parseMap(values.map)
      await refuseOtherKinds(file)
      const s = await withStore(values.db, (store) =>
        store.memory.importTmx(file, { ...(srcLang ? { srcLang } : {}), ...(map ? { map } : {}) }),
      { create: true })
      await writeOut(
        `${file}: ${s.units} units read, ${s.added} entries added, ${s.duplicates} already held, ${s.skipped} units skipped\n`,
      )
      return 0
    }
    case 'export': {
      if (rest.length !== 0) throw new UsageError('tm export takes no file argument; use --output FILE')
      const opts = { ...(srcLang ? { srcLang } : {}), ...(lang ? { tgtLang: lang } : {}) }
      await withStore(values.db, async (store) => {
        if (values.output === undefined || values.output === '-') {
          // Through a temporary file: an entry refused halfway leaves standard output empty.
          const tmp = path.join(os.tmpdir(), `tolk-tm-export-${process.pid}.tmx`)
          await writeFileAtomically(tmp, store.memory.exportTmx(opts))
          try {
            for await (const piece of fs.createReadStream(tmp, { encoding: 'utf8', highWaterMark: 1 << 20 })) await writeOut(piece as string)
          } finally {
            fs.rmSync(tmp, { force: true })
          }
          return
        }
        await writeFileAtomically(values.output, store.memory.exportTmx(opts))
      })
      return 0
    }
    case 'search': {
      if (rest.length !== 1) throw new UsageError('give one QUERY (quote a phrase); see --help')
      if (!lang) throw new UsageError('name the target language with --lang')
      if (values.format !== 'text' && values.format !== 'json') {
        throw new UsageError(`unknown --format "${values.format}": use text or json`)
      }
      const limit = values.limit === undefined ? undefined : parseLimit(values.limit)
      const hits = await withStore(values.db, (store) =>
        store.memory.search({
          query: rest[0]!,
          tgtLang: lang,
          ...(srcLang ? { srcLang } : {}),
          ...(limit ? { limit } : {}),
        }),
      )
      if (values.format === 'json') await writeOut(`${JSON.stringify({ hits }, null, 2)}\n`)
      else {
        let out = ''
        for (const h of hits) out += `${h.srcLang}: ${h.source}\n${h.tgtLang}: ${h.target}\n   (${h.origin}${h.articleId ? ` ${h.articleId}/${h.unitId}` : ''}${h.author ? `, ${h.author}` : ''})\n`
        await writeOut(out || 'no entries found\n')
      }
      return 0
    }
    case 'align': {
      const { tmAlign } = await import('../tm-align.js')
      return tmAlign(rest, {
        db: values.db, lang, srcLang, minConfidence: values['min-confidence'],
        author: values.as ?? process.env.TOLK_USER ?? os.userInfo().username,
      })
    }
    case 'pairs': {
      const pairs = await withStore(values.db, (store) => store.memory.pairs())
      await writeOut(pairs.map((p) => `${p.srcLang} → ${p.tgtLang}\t${p.entries}\n`).join('') || 'the memory is empty\n')
      return 0
    }
    default:
      throw new UsageError(`tm needs an action: import, export, search, pairs or align; see --help`)
  }
}

/** A file given to tm import that is plainly not TMX is named for what it is, with its verb. */
async function refuseOtherKinds(file: string): Promise<void> {
  let head: string
  try {
    head = await readHead(file)
  } catch {
    return // the TMX reader names a file it cannot read
  }
  const { fileKind } = await import('../../formats/file-kind.js')
  const { kind } = fileKind(head)
  if (kind === 'empty') throw new InvalidInput(`${file} is empty: give a TMX 1.4b file`, 'empty-file')
  if (kind === 'po' || kind === 'xliff12' || kind === 'xliff2') {
    throw new InvalidInput(`${file} is a ${kind === 'po' ? 'PO' : 'XLIFF'} file, not a TMX memory: bring its translations back with tolk import-translations`, 'wrong-kind-of-file')
  }
  if (kind === 'json') throw new InvalidInput(`${file} is JSON, not a TMX memory: an i18next tree is loaded with tolk import-locales`, 'wrong-kind-of-file')
}

/** The first 4 KiB of a file, as text (a UTF-16 TMX reads as noise here, and passes on). */
async function readHead(file: string): Promise<string> {
  const handle = await fs.promises.open(file)
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}

/** `--map en-US=en` flags as canonical tag → canonical tag. */
function parseMap(flags: string[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const f of flags) {
    const m = /^([^=]+)=([^=]+)$/.exec(f)
    if (!m) throw new UsageError(`--map takes FROM=TO, two language tags such as en-US=en, not "${f}"`)
    map[parseLanguage(m[1]!)] = parseLanguage(m[2]!)
  }
  return map
}

function parseLimit(s: string): number {
  if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 200) {
    throw new UsageError(`--limit takes a whole number from 1 to 200, not "${s}"`)
  }
  return Number(s)
}

