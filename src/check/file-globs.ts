/**
 * `--files GLOB`: each pattern (repeated, or several in one value separated by commas outside
 * braces) expanded with tinyglobby, a small glob library that runs on Node 20 (fs.glob needs 22).
 * A pattern that matches no file is an error: a check that silently read nothing must not pass.
 */
import { isAbsolute } from 'node:path'
import { globSync } from 'tinyglobby'
import { InvalidInput } from '../model/errors.js'

/** Split `a.po,l10n/*.{xlf,xliff}` into patterns: commas inside braces belong to the pattern. */
export function splitPatterns(values: readonly string[]): string[] {
  const out: string[] = []
  for (const value of values) {
    let depth = 0
    let start = 0
    for (let i = 0; i <= value.length; i++) {
      const c = value[i]
      if (c === '{') depth++
      else if (c === '}') depth = Math.max(0, depth - 1)
      else if (i === value.length || (c === ',' && depth === 0)) {
        const p = value.slice(start, i).trim()
        if (p !== '') out.push(p)
        start = i + 1
      }
    }
  }
  return out
}

/** The files the patterns match, each pattern's sorted, without repeats; throws for a pattern that matches nothing. */
export function expandGlobs(patterns: readonly string[]): string[] {
  const seen = new Set<string>()
  for (const pattern of patterns) {
    // Absolute patterns give absolute paths, relative ones paths relative to the working directory.
    const found = globSync([pattern], { absolute: isAbsolute(pattern), expandDirectories: false, onlyFiles: true }).sort()
    if (found.length === 0) throw new InvalidInput(`--files ${pattern} matched no files`, 'unreadable-file')
    for (const f of found) seen.add(f)
  }
  return [...seen]
}
