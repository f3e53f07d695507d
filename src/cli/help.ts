/**
 * The one formatter every `--help` goes through. Verbs write their help as plain text; this lines
 * up its definition lists, so a shared line (`--db FILE`, `-h, --help`) or a flag another change
 * adds never leaves a column ragged, whatever spacing its author used.
 *
 * A definition list is a run of entries (`  TERM  description`: two spaces, a term without a
 * double space, two or more spaces, the description) and their continuation lines (indented
 * deeper, no term of their own). Every run that lists an option (a term starting with `-`) shares
 * one description column, the widest such term plus two spaces; any other run (formats, roles,
 * sub-verbs) gets its own. Continuation lines keep their depth relative to the description.
 */

const ENTRY = /^ {2}(\S(?:\S| (?! ))*) {2,}(\S.*)$/
const CONTINUATION = /^( {3,})(\S.*)$/
const INDENT = 2
const GAP = 2

interface Entry {
  term: string
  description: string
  /** Continuation lines: their offset from the old description column, and their text. */
  more: { offset: number; text: string }[]
}

type Piece = { kind: 'line'; text: string } | { kind: 'run'; entries: Entry[] }

/** `text` with its definition lists aligned and trailing blank lines dropped. */
export function formatHelp(text: string): string {
  const pieces = split(text.trimEnd().split('\n'))
  const runs = pieces.filter((p): p is Extract<Piece, { kind: 'run' }> => p.kind === 'run')
  const isOptions = (run: Entry[]) => run.some((e) => e.term.startsWith('-'))
  const optionWidth = Math.max(0, ...runs.filter((r) => isOptions(r.entries)).flatMap((r) => r.entries.map((e) => e.term.length)))
  const out: string[] = []
  for (const piece of pieces) {
    if (piece.kind === 'line') {
      out.push(piece.text)
      continue
    }
    const width = isOptions(piece.entries) ? optionWidth : Math.max(...piece.entries.map((e) => e.term.length))
    const column = INDENT + width + GAP
    for (const e of piece.entries) {
      out.push(`${' '.repeat(INDENT)}${e.term.padEnd(width + GAP)}${e.description}`)
      for (const m of e.more) out.push(`${' '.repeat(Math.max(INDENT + 1, column + m.offset))}${m.text}`)
    }
  }
  return out.join('\n')
}

/** Lines into plain lines and runs of definition-list entries. */
function split(lines: string[]): Piece[] {
  const pieces: Piece[] = []
  let run: Entry[] | undefined
  let column = 0
  for (const line of lines) {
    const entry = ENTRY.exec(line)
    if (entry) {
      const [, term = '', description = ''] = entry
      if (!run) {
        run = []
        pieces.push({ kind: 'run', entries: run })
      }
      run.push({ term, description, more: [] })
      column = line.length - description.length
      continue
    }
    const more = run ? CONTINUATION.exec(line) : null
    const last = run?.[run.length - 1]
    if (more && last) {
      last.more.push({ offset: (more[1] ?? '').length - column, text: more[2] ?? '' })
      continue
    }
    run = undefined
    pieces.push({ kind: 'line', text: line })
  }
  return pieces
}
