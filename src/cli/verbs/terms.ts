import fs from 'node:fs'
import { decodeFileBytes } from '../../formats/decode-file.js'
import { InvalidInput } from '../../model/errors.js'
import { parseLanguage, parseTag } from '../../model/tags.js'
import { allEntries, languagesOf } from '../../terms/all-entries.js'
import { writeTermsCsv } from '../../terms/csv.js'
import { parseLanguageMap, readTermsFile } from '../../terms/read-terms-file.js'
import { writeTbx } from '../../terms/tbx.js'
import { PARTS_OF_SPEECH, TERM_STATUSES, type TermEntry, type TermInput } from '../../terms/types.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'
import { writeFileAtomically } from '../write-file.js'

export const HELP = `Usage: tolk terms import FILE --tag TAG [--map xx=sv] [--db FILE]
       tolk terms export --tag TAG [--format tbx|csv] [--output FILE] [--db FILE]
       tolk terms use --tag TAG [OTHER-TAG…] [--db FILE]
       tolk terms search TEXT --tag TAG [--lang xx] [--format text|json] [--db FILE]
       tolk terms add --tag TAG --term en=river --term sv=å [--status sv=preferred] [--pos en=noun] [--note TEXT] [--db FILE]

Termbases: a tag (sv-general) holds entries, each a concept with its terms per language; a term
has a status (preferred, admitted, deprecated, forbidden), a part of speech and a note. A tag may
use other tags' termbases, in order. The editor shows the terms found in a segment's source.

  import   add the entries of a TBX (TBX-Basic 2008 <martif> or 2019 <tbx>), CSV or TSV file, all
           or none; CSV/TSV have a header row of language tags (en,sv) with optional sv:status,
           sv:pos, sv:case, sv:note and note columns. A DOCTYPE that names a DTD is accepted (the
           DTD is never fetched); entity declarations are refused
  export   write the tag's own entries as TBX-Basic 2008 (default) or CSV
  use      set the tags whose termbases TAG uses, in order (none: uses nothing)
  search   entries of TAG with a term containing TEXT (case ignored)
  add      add one entry

Options:
  --tag TAG          the termbase (a collection tag such as sv-general)
  --map FROM=TO      rename a language of the file: csv2tbx writes xx for the target (--map xx=sv)
  --format F         export: tbx (default) or csv; search: text (default) or json
  --output FILE      export to FILE instead of standard output
  --lang xx          search: only terms of this language
  --term LANG=TEXT   add: a term (repeat for each)
  --status LANG=S    add: the status of that language's first term (default admitted)
  --pos LANG=P       add: its part of speech (${PARTS_OF_SPEECH.join(', ')})
  --note TEXT        add: a note on the concept
${DB_HELP}
  -h, --help         this help

The API has the same: PUT /api/termbases/TAG, /api/termbases/TAG/entries.

Exit status: 0 done, 2 bad usage or input (a file that is not TBX or CSV, an unknown language
without --map, an entry that breaks the rules; nothing is imported then).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    tag: { type: 'string' },
    map: { type: 'string', multiple: true },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    term: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    pos: { type: 'string', multiple: true },
    note: { type: 'string' },
  }, true, { textFrom: 1 })
  const [action, ...rest] = positionals
  if (values.tag === undefined) throw new UsageError('name the termbase with --tag, such as --tag sv-general')
  const tag = parseTag(values.tag).tag
  switch (action) {
    case 'import': {
      if (rest.length !== 1) throw new UsageError('give one TBX, CSV or TSV file to import; see --help')
      const file = rest[0]!
      let bytes: Buffer
      try {
        bytes = fs.readFileSync(file)
      } catch {
        throw new InvalidInput(`${file}: no such file`, 'unreadable-file')
      }
      const entries = readTermsFile(decodeFileBytes(bytes, file), file, parseLanguageMap(values.map ?? []))
      const added = await withStore(values.db, (store) => store.terms.addEntries(tag, entries, { by: 'cli' }), { create: true })
      await writeOut(`${file}: ${added} entries added to ${tag}\n`)
      return 0
    }
    case 'export': {
      if (rest.length !== 0) throw new UsageError('terms export takes no file argument; use --output FILE')
      const format = values.format ?? 'tbx'
      if (format !== 'tbx' && format !== 'csv') throw new UsageError(`unknown --format "${format}": use tbx or csv`)
      const entries = await withStore(values.db, (store) => allEntries(store.terms, tag))
      const langs = languagesOf(entries)
      const text = format === 'tbx' ? writeTbx(entries, langs[0] ?? 'en') : writeTermsCsv(entries, langs)
      if (values.output === undefined || values.output === '-') await writeOut(text)
      else await writeFileAtomically(values.output, [text])
      return 0
    }
    case 'use': {
      const tb = await withStore(values.db, (store) => store.terms.setUses(tag, rest), { create: true })
      await writeOut(tb.uses.length ? `${tag} uses ${tb.uses.join(', ')}\n` : `${tag} uses no other termbase\n`)
      return 0
    }
    case 'search': {
      if (rest.length !== 1) throw new UsageError('give one TEXT to search for (quote a phrase); see --help')
      const format = values.format ?? 'text'
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format "${format}": use text or json`)
      const lang = values.lang === undefined ? undefined : parseLanguage(values.lang)
      const entries = await withStore(values.db, (store) => store.terms.listEntries(tag, { text: rest[0]!, ...(lang ? { lang } : {}) }))
      await writeOut(format === 'json' ? `${JSON.stringify({ entries }, null, 2)}\n` : entries.map(entryLine).join('') || 'no entries found\n')
      return 0
    }
    case 'add': {
      if (rest.length !== 0) throw new UsageError('give terms with --term LANG=TEXT; see --help')
      const terms = (values.term ?? []).map((t): TermInput => {
        const [lang, text] = pair(t, '--term')
        return { lang: parseLanguage(lang), text }
      })
      if (terms.length === 0) throw new UsageError('give at least one --term LANG=TEXT')
      const firstOf = (flag: string, lang: string) => {
        const term = terms.find((t) => t.lang === parseLanguage(lang))
        if (!term) throw new UsageError(`${flag} ${lang}=…: no --term ${lang}=… to apply it to`)
        return term
      }
      for (const s of values.status ?? []) {
        const [lang, status] = pair(s, '--status')
        if (!TERM_STATUSES.includes(status as never)) throw new UsageError(`--status ${s}: use ${TERM_STATUSES.join(', ')}`)
        firstOf('--status', lang).status = status as TermInput['status']
      }
      for (const p of values.pos ?? []) {
        const [lang, pos] = pair(p, '--pos')
        firstOf('--pos', lang).pos = pos as TermInput['pos']
      }
      const entry = await withStore(values.db, (store) =>
        store.terms.addEntry(tag, { terms, ...(values.note !== undefined ? { note: values.note } : {}) }, { by: 'cli' }), { create: true })
      await writeOut(`added entry ${entry.id} to ${tag}: ${entryLine(entry)}`)
      return 0
    }
    default:
      throw new UsageError('terms needs an action: import, export, use, search or add; see --help')
  }
}

function pair(value: string, flag: string): [string, string] {
  const at = value.indexOf('=')
  if (at <= 0 || at === value.length - 1) throw new UsageError(`${flag} "${value}" is not LANG=VALUE, such as sv=å`)
  return [value.slice(0, at), value.slice(at + 1)]
}

function entryLine(e: TermEntry): string {
  return `${e.id}\t${e.terms.map((t) => `${t.lang}: ${t.text}${t.status === 'admitted' ? '' : ` (${t.status})`}`).join('; ')}\n`
}
