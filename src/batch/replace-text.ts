/**
 * Find and replace never matches inside a protected code: a translation's tagged text is cut at
 * its codes (src/codes/), the pattern runs over each stretch of text between them, and the codes
 * are put back where they were. A match never spans a code either.
 */
import { parseTagged, writeTagged } from '../codes/index.js'
import type { Run } from '../codes/types.js'
import { type Pattern } from './pattern.js'
import { replaceHere, replaceInWorker } from './regex-worker.js'

/** Replace in each tagged text, between its codes; the texts come back in order. */
export async function replaceTagged(texts: string[], pattern: Pattern): Promise<string[]> {
  const runs: Run[][] = texts.map(runsOf)
  const stretches = runs.flatMap((rs) => rs.flatMap((r) => (r.type === 'text' ? [r.text] : [])))
  const replaced = pattern.untrusted ? await replaceInWorker(stretches, pattern) : replaceHere(stretches, pattern)
  let k = 0
  return runs.map((rs) => writeTagged(rs.map((r) => (r.type === 'text' ? { type: 'text', text: replaced[k++]! } : r))))
}

/** A text's runs; a text whose codes do not parse (none is stored so) is one run of text. */
function runsOf(tagged: string): Run[] {
  try {
    return parseTagged(tagged)
  } catch {
    return [{ type: 'text', text: tagged }]
  }
}
