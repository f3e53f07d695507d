import { userInfo } from 'node:os'
import {
  importTranslations,
  readTranslationFile,
  type ImportReport,
} from '../../formats/import-translations.js'
import { decodeFileBytes } from '../../formats/decode-file.js'
import { parseLanguage } from '../../model/tags.js'
import { readInputBytes } from '../input.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk import-translations FILE [--as NAME] [--target-lang sv] [--json] [--db FILE]

Bring back a translated XLIFF 1.2, XLIFF 2.0 or PO file that tolk export wrote (and a CAT tool or
Poedit filled in). Each target is written through the same version-checked path as the editor,
with history. A unit whose source was edited since the export, or whose translation someone saved
since, is reported as a conflict and left alone; units the article does not have are unknown.
A stale unit the file confirms (the same text with PO's #, fuzzy removed, XLIFF 1.2's
needs-review-translation made translated, XLIFF 2.0's stale subState dropped) is confirmed: stale
clears. A rejected unit stays rejected while its text is unchanged, and is listed. FILE "-" reads standard input. The file is read and checked whole before anything is written:
a target against the text rule, or one whose codes (⟦1⟧…⟦/1⟧, ⟦2/⟧) do not fit its source's,
refuses the whole file, naming each line and unit. An empty file, a TMX memory (tolk tm import),
JSON (tolk import-locales) or other XML is refused, saying which verb reads it. The file is
decoded as it says: a byte-order mark, an XML declaration's encoding (UTF-16 too), a PO header's
charset (ISO-8859-*, windows-125*, KOI8-R, EUC-JP, Shift_JIS, GB18030, Big5…); PO escapes such
as \\303\\244 are bytes of that charset, as gettext reads them.

Options:
  --as NAME   who writes (default: TOLK_USER, else the system user name)
  --target-lang TAG  the language of a PO file without a Language header (else its file name,
              such as sv.po or sv_SE.po, says it)
  --json      print {"article", "lang", "format", "updated", "confirmed", "unchanged", "conflicted",
              "unknown", "conflicts": [...], "unknownUnits": [...], "partial": [...],
              "rejected": [...]}; partial lists XLIFF 2.0 units another tool split into segments
              and translated only in part: stored as drafts (initial) that keep each missing
              segment's source in [[…]]; rejected lists rejected units given back unchanged
              without their pending mark (they stay rejected)
${DB_HELP}
  -h, --help  this help

Exit status: 0 all imported or unchanged, 1 some units conflicted or were unknown, 2 bad usage or
input (malformed file, DOCTYPE or entities in XML, unknown article or language).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    as: { type: 'string' },
    json: { type: 'boolean' },
    'target-lang': { type: 'string' },
  })
  if (positionals.length !== 1)
    throw new UsageError('give one FILE to import (or - for standard input); see --help')
  const name = positionals[0] as string
  const shown = name === '-' ? 'standard input' : name
  const targetLang = values['target-lang'] === undefined ? undefined : parseLanguage(values['target-lang'])
  // Decoded by what the file says of itself: a BOM, an XML declaration, a PO charset header.
  const file = readTranslationFile(decodeFileBytes(await readInputBytes(name), shown), shown, targetLang ? { targetLang } : {})
  const author = values.as ?? process.env.TOLK_USER ?? userInfo().username
  const report = await withStore(values.db, (store) => importTranslations(store, file, { author }))
  await writeOut(values.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report))
  return report.conflicted > 0 || report.unknown > 0 ? 1 : 0
}

function describe(r: ImportReport): string {
  const lines = [
    `${r.article} ${r.lang} (${r.format}): ${r.updated} updated, ${r.confirmed} confirmed, ${r.unchanged} unchanged, ${r.conflicted} conflicted, ${r.unknown} unknown`,
  ]
  for (const c of r.conflicts) {
    const why =
      c.reason === 'source-changed'
        ? 'the source changed since the export'
        : `the translation is at version ${c.current.version} now`
    lines.push(`  conflict ${c.unitId} (line ${c.line}): ${why}; not written`)
  }
  for (const u of r.unknownUnits)
    lines.push(`  unknown ${u.unitId} (line ${u.line}): the article has no such unit`)
  for (const p of r.partial)
    lines.push(`  draft ${p.unitId} (line ${p.line}): segments ${p.missing.join(', ')} not translated; kept in [[…]]`)
  for (const u of r.rejected)
    lines.push(`  rejected ${u.unitId} (line ${u.line}): a reviewer rejected it; unchanged text does not confirm it, edit it`)
  return `${lines.join('\n')}\n`
}
