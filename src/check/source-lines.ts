/**
 * The line of every source entry, found once per source file by one scan of its text, whatever
 * the number of target languages that report it missing: the walk follows the index's levels, so
 * it builds no dotted paths. A flat key (`"a.b"`, nested at its dots in the index) is followed
 * down the levels; an array's elements take the array's line.
 */
import { lineCounter, walkKeys } from './json-lines.js'
import { childNamed, type Level } from './source-index.js'

/** One object of the source being walked: its level in the index. */
interface Frame {
  level: Level
}

/** Set `line` on every entry under `root` from the JSON text it was indexed from. */
export function findEntryLines(text: string, root: Level): void {
  const lineAt = lineCounter(text)
  // The lines of each level's keys; a name written twice: the first one counts.
  const lines = new Map<Level, Map<string, number>>()
  const note = (level: Level, name: string, line: number) => {
    let m = lines.get(level)
    if (!m) lines.set(level, (m = new Map()))
    if (!m.has(name)) m.set(name, line)
  }
  walkKeys<Frame>(text, { level: root }, {
    key(parent, name, at) {
      const line = lineAt(at)
      let level: Level | undefined = parent.level
      let last = name
      if (!childNamed(level, name) && name.includes('.')) {
        const parts = name.split('.')
        last = parts.pop() as string
        for (const part of parts) level = level && childNamed(level, part)
        if (!level) return null
      }
      note(level, last, line)
      const child = childNamed(level, last)
      if (!child) return null
      if (child.array) child.line ??= line
      return { level: child }
    },
  })
  setLines(root, lines, null)
}

/** Each entry's line from the notes; entries of an array (and below) fall back to the array's line. */
function setLines(level: Level, lines: Map<Level, Map<string, number>>, fallback: number | null): void {
  const here = level.array ? (level.line ?? fallback) : fallback
  const m = lines.get(level)
  for (const e of level.entries) e.line = m?.get(e.group?.lineName ?? e.name) ?? here
  for (const kid of level.kids) setLines(kid, lines, here)
}
