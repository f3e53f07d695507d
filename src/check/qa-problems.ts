/**
 * `tolk check --db|--server --qa error|warning`: the QA overview's findings (src/qa/) as check
 * problems of kind `qa:<check>`. Findings at or above the floor fail their language (`failed`
 * gains `qa`); every language checked gains `qa: {errors, warnings}`, counting every finding
 * nobody dismissed.
 */
import { atLeast, type QaReport, type Severity } from '../qa/types.js'
import type { CheckedSource } from './check-locales.js'
import type { Problem } from './types.js'

/** Add the reports' findings to a workbench check's counts and problems. */
export function addQaProblems(checked: CheckedSource, reports: readonly QaReport[], floor: Severity): void {
  for (const c of checked.languages.values()) c.qa ??= { errors: 0, warnings: 0 }
  const problems = checked.problems as Problem[]
  for (const report of reports) {
    const c = checked.languages.get(report.lang)
    if (!c?.qa) continue
    for (const f of report.findings) {
      if (f.dismissed) continue
      if (f.severity === 'error') c.qa.errors++
      else c.qa.warnings++
      if (!atLeast(f.severity, floor)) continue
      problems.push({
        lang: report.lang, file: null, line: null, key: f.unit, kind: `qa:${f.check}`, severity: 'error',
        message: `${f.unit} (${f.severity}): ${f.message}`, article: report.article, position: f.position,
      })
    }
  }
}

/** Parse `--qa`: the least severity that fails the check. */
export function parseQaFloor(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined
  if (value === 'error' || value === 'warning') return value
  throw new RangeError(`--qa takes error or warning, not "${value}"`)
}
