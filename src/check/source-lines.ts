/**
 * The line of every source entry, found once per source file by one scan of its text, whatever
 * the number of target languages that report it missing: the walk follows the index's levels, so
 * it builds no dotted paths.
 */
import { lineCounter, walkKeys } from './json-lines.js'
import { childNamed, type Level } from './source-index.js'

/** One object of the source being walked: its level in the index and the lines of its keys. */
interface Frame {
  level: Level
  lines: Map<string, number>
}

/** Set `line` on every entry under `root` from the JSON text it was indexed from. */
export function findEntryLines(text: string, root: Level): void {
  const lineAt = lineCounter(text)
  walkKeys<Frame>(text, { level: root, lines: new Map() }, {
    key(parent, name, at) {
      // A name written twice: the first one counts.
      if (!parent.lines.has(name)) parent.lines.set(name, lineAt(at))
      const child = childNamed(parent.level, name)
      return child ? { level: child, lines: new Map() } : null
    },
    close({ level, lines }) {
      for (const e of level.entries) e.line = lines.get(e.group?.lineName ?? e.name) ?? null
    },
  })
}
