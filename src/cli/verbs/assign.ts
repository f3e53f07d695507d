import { userInfo } from 'node:os'
import { checkId } from '../../model/ids.js'
import { printable } from '../../model/tags.js'
import { assignWork, withdrawWork } from '../../team/assign.js'
import type { Assignment } from '../../team/types.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, splitList, withStore } from '../store-access.js'

export const HELP = `Usage: tolk assign ARTICLE --lang LANG --to NAME[,NAME…] [--split words] [--segments 1-40]
                   [--due 2026-12-24] [--note TEXT] [--as NAME] [--format text|json] [--db FILE]
       tolk assign --list [ARTICLE] [--lang LANG] [--user NAME] [--format text|json] [--db FILE]
       tolk assign --withdraw ID [--as NAME] [--format text|json] [--db FILE]

Hand out work: assign an article in one target language to a person, the whole article or the
segments of a range (positions now; kept as those segments, so a re-import does not move it).
Several people (--to ann,bo) share it with --split words: an even word count each, cut at segment
boundaries; each one's range is printed. Everyone named needs a translator or reviewer grant for
the language (an assignment grants no rights). The CLI has the database, so it assigns as an
admin would; the API lets admins and coordinators of the language assign (POST /api/assignments).

With --list, the assignments newest first, with the words each has left (words of its segments
not translated, reviewed or final, or stale), and who withdrew those that were withdrawn.

With --withdraw, take an assignment back (its id is the #N of --list): it is kept, marked
withdrawn, and leaves the person's work and the team load. A withdrawal is not undone; assign
the work again instead.

Options:
  --lang LANG        the target language (assigning: required)
  --to NAMES         who is assigned, comma-separated
  --split words      share the segments among several people by words
  --segments RANGE   positions such as 1-40, or 7 (with --split, the range that is split)
  --due DATE         an ISO date, such as 2026-12-24
  --note TEXT        a note for the assignees (at most 2000 characters)
  --as NAME          who assigns, for the record (default: TOLK_USER, else the system user name)
  --list             list assignments instead; filter by ARTICLE, --lang and --user
  --user NAME        with --list: one person's assignments
  --withdraw ID      withdraw assignment ID (--as names who withdraws it)
  --format F         text (default) or json
${DB_HELP}
  -h, --help         this help

Exit status: 0 done, 2 bad usage or input (an unknown article or person, a missing grant, a bad
range or date: nothing is assigned; an unknown assignment, or one withdrawn already).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' }, to: { type: 'string' }, split: { type: 'string' }, segments: { type: 'string' },
    due: { type: 'string' }, note: { type: 'string' }, as: { type: 'string' }, list: { type: 'boolean' },
    user: { type: 'string' }, format: { type: 'string' }, withdraw: { type: 'string' },
  })
  const format = values.format ?? 'text'
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not ${format}`)
  if (positionals.length > 1) throw new UsageError('name one ARTICLE; see --help')
  const article = positionals[0] === undefined ? undefined : checkId(positionals[0], 'article id')
  if (values.withdraw !== undefined) {
    if (values.list || positionals.length > 0 || values.to !== undefined || values.lang !== undefined || values.user !== undefined
      || values.split !== undefined || values.segments !== undefined || values.due !== undefined || values.note !== undefined) {
      throw new UsageError('--withdraw takes the assignment ID, and --as, only')
    }
    if (!/^[1-9]\d{0,14}$/.test(values.withdraw)) throw new UsageError(`--withdraw takes an assignment id such as 3 (the #3 of --list), not ${printable(values.withdraw.slice(0, 40))}`)
    const by = values.as ?? process.env.TOLK_USER ?? userInfo().username
    const withdrawn = await withStore(values.db, (store) => withdrawWork(store, { account: by, grants: [{ role: 'admin', langs: [] }] }, Number(values.withdraw)))
    await writeOut(format === 'json' ? `${JSON.stringify(withdrawn, null, 2)}\n` : `withdrew ${listLine(withdrawn)}\n`)
    return 0
  }
  if (values.list) {
    if (values.to !== undefined || values.split !== undefined || values.due !== undefined || values.note !== undefined || values.segments !== undefined) {
      throw new UsageError('--list takes ARTICLE, --lang and --user only')
    }
    const user = values.user === undefined ? undefined : checkId(values.user, 'account name')
    const found = await withStore(values.db, (store) =>
      store.assignments.list({ ...(article ? { article } : {}), ...(values.lang ? { lang: values.lang } : {}), ...(user ? { user } : {}), limit: 1000 }))
    await writeOut(format === 'json' ? `${JSON.stringify(found, null, 2)}\n` : found.length === 0 ? 'no assignments\n' : found.map((a) => `${listLine(a)}\n`).join(''))
    return 0
  }
  if (values.user !== undefined) throw new UsageError('--user goes with --list; assign with --to NAME')
  if (!article) throw new UsageError('name the ARTICLE to assign; see --help')
  if (!values.lang) throw new UsageError('give the target language: --lang sv')
  const users = splitList(values.to) ?? []
  if (users.length === 0) throw new UsageError('name who is assigned: --to NAME (several: --to ann,bo --split words)')
  if (values.split !== undefined && values.split !== 'words') throw new UsageError(`--split takes words, not ${values.split}`)
  const by = values.as ?? process.env.TOLK_USER ?? userInfo().username
  const made = await withStore(values.db, (store) =>
    assignWork(store, { account: by, grants: [{ role: 'admin', langs: [] }] }, {
      article, lang: values.lang!, users,
      ...(values.split === 'words' ? { split: 'words' as const } : {}),
      ...(values.segments !== undefined ? { segments: values.segments } : {}),
      ...(values.due !== undefined ? { due: values.due } : {}),
      ...(values.note !== undefined ? { note: values.note } : {}),
    }))
  await writeOut(format === 'json' ? `${JSON.stringify(made, null, 2)}\n` : made.map((a) => `${assignedLine(a)}\n`).join(''))
  return 0
}

const segmentsOf = (a: Assignment) => (a.segments === null ? 'the whole article' : `segments ${a.segments}`)

/** `assigned sv-general-01 sv to ann: segments 1-12, 140 words (due 2026-12-24)`. */
function assignedLine(a: Assignment): string {
  return `assigned ${a.article} ${a.lang} to ${a.user}: ${segmentsOf(a)}, ${a.words} word${a.words === 1 ? '' : 's'}${a.due ? ` (due ${a.due})` : ''} [#${a.id}]`
}

/** `#3 sv-general-01 sv ann: segments 1-12, 40 of 140 words left, due 2026-12-24`. */
function listLine(a: Assignment): string {
  const withdrawn = a.withdrawn ? ` [withdrawn by ${a.withdrawn.by} ${a.withdrawn.at.slice(0, 10)}]` : ''
  return `#${a.id} ${a.article} ${a.lang} ${a.user}: ${segmentsOf(a)}, ${a.wordsLeft} of ${a.words} words left${a.due ? `, due ${a.due}` : ''}${a.note ? ` (${a.note.replace(/\s+/g, ' ').slice(0, 80)})` : ''}${withdrawn}`
}
