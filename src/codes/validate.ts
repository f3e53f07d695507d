/**
 * Check a translation's codes against its source's: every paired code of the source present
 * once, opened before it closes and well nested (so any document rebuilt from it is well formed);
 * no code the source lacks; a standalone code left out is a warning only.
 */
import { InvalidInput } from '../model/errors.js'
import { codeTag, hasMarks, parseTagged, TaggedTextError } from './tagged-text.js'
import type { CodeProblem, CodeRun } from './types.js'

export interface CodeCheck {
  /** Problems that make the translation unusable: refuse the write. */
  errors: CodeProblem[]
  /** Problems worth a hint: a standalone code left out or used twice. */
  warnings: CodeProblem[]
}

const NONE: CodeCheck = Object.freeze({ errors: [], warnings: [] }) as CodeCheck

function pairTag(id: number): string {
  return `${codeTag({ kind: 'open', id })}…${codeTag({ kind: 'close', id })}`
}

function readCodes(tagged: string): CodeRun[] | CodeProblem {
  try {
    return parseTagged(tagged).filter((r): r is CodeRun => r.type === 'code')
  } catch (e) {
    if (!(e instanceof TaggedTextError)) throw e
    return { kind: 'malformed', code: e.found, message: e.message }
  }
}

/** Check `target`'s codes against `source`'s (both tagged text). */
export function checkCodes(target: string, source: string): CodeCheck {
  if (!hasMarks(target) && !hasMarks(source)) return NONE
  const errors: CodeProblem[] = []
  const warnings: CodeProblem[] = []
  const sourceCodes = readCodes(source)
  // A source is written by the segmenter; one that does not parse has no codes to keep.
  const kinds = new Map<number, 'paired' | 'standalone'>()
  if (Array.isArray(sourceCodes)) {
    for (const c of sourceCodes) kinds.set(c.id, c.kind === 'standalone' ? 'standalone' : 'paired')
  }
  const targetCodes = readCodes(target)
  if (!Array.isArray(targetCodes)) return { errors: [targetCodes], warnings }

  const opened = new Set<number>()
  const closed = new Set<number>()
  const standalone = new Map<number, number>()
  const stack: number[] = []
  for (const c of targetCodes) {
    const kind = kinds.get(c.id)
    const tag = codeTag(c)
    if (kind === undefined) {
      errors.push({ kind: 'unknown', code: tag, message: `${tag} is not a code of the source: leave it out` })
      continue
    }
    if ((kind === 'standalone') !== (c.kind === 'standalone')) {
      const want = kind === 'standalone' ? codeTag({ kind: 'standalone', id: c.id }) : pairTag(c.id)
      errors.push({ kind: 'wrong-kind', code: tag, message: `${tag} is written ${want} in the source` })
      continue
    }
    if (c.kind === 'standalone') {
      standalone.set(c.id, (standalone.get(c.id) ?? 0) + 1)
    } else if (c.kind === 'open') {
      if (opened.has(c.id)) {
        errors.push({ kind: 'duplicate', code: pairTag(c.id), message: `${pairTag(c.id)} is used twice: use it once` })
        continue
      }
      opened.add(c.id)
      stack.push(c.id)
    } else {
      if (!opened.has(c.id) || closed.has(c.id)) {
        const problem = closed.has(c.id) ? 'closed twice' : 'closed before it opens'
        errors.push({ kind: 'unbalanced', code: pairTag(c.id), message: `${pairTag(c.id)} is ${problem}` })
        continue
      }
      closed.add(c.id)
      if (stack.at(-1) !== c.id) {
        const inner = stack.at(-1) as number
        errors.push({
          kind: 'crossed',
          code: pairTag(c.id),
          message: `${pairTag(c.id)} closes while ${pairTag(inner)} inside it is still open: nest them`,
        })
      }
      stack.splice(stack.lastIndexOf(c.id), 1)
    }
  }
  for (const id of stack) {
    errors.push({ kind: 'unbalanced', code: pairTag(id), message: `${pairTag(id)} opens and never closes: add ${codeTag({ kind: 'close', id })}` })
  }
  for (const [id, kind] of kinds) {
    if (kind === 'paired' && !opened.has(id)) {
      errors.push({ kind: 'missing', code: pairTag(id), message: `${pairTag(id)} of the source is missing` })
    } else if (kind === 'standalone') {
      const n = standalone.get(id) ?? 0
      const tag = codeTag({ kind: 'standalone', id })
      if (n === 0) warnings.push({ kind: 'missing-standalone', code: tag, message: `${tag} of the source is missing` })
      else if (n > 1) warnings.push({ kind: 'duplicate-standalone', code: tag, message: `${tag} is used ${n} times` })
    }
  }
  return { errors, warnings }
}

/** A translation refused for its codes (400 through the API, exit 2 in the CLI); names each code. */
export class CodeMismatch extends InvalidInput {
  readonly problems: CodeProblem[]
  constructor(problems: CodeProblem[], where?: string) {
    const list = problems.map((p) => p.message).join('; ')
    super(`${where ? `${where}: ` : ''}the translation's codes do not fit its source: ${list}`, 'code-mismatch')
    this.problems = problems
  }
}

/** Throw CodeMismatch when `target` has code errors against `source`; return the warnings. */
export function assertCodes(target: string, source: string, where?: string): CodeProblem[] {
  const { errors, warnings } = checkCodes(target, source)
  if (errors.length > 0) throw new CodeMismatch(errors, where)
  return warnings
}
