/**
 * `--format junit`: JUnit XML with one test suite per language and one test case per check, so CI
 * test reporters (GitLab, Jenkins, Azure) list each language's coverage and error checks.
 */
import { plural } from '../../model/plural.js'
import type { CheckResult, LanguageResult, Problem, ProblemKind } from '../types.js'
import { checkedLine, hasQa, pct, placeOf, xml } from './shared.js'
import { QA_CHECKS } from '../../qa/types.js'

interface Case {
  name: string
  kinds: ProblemKind[]
  /** Failure message when the case failed, else undefined. */
  failure: (l: LanguageResult, problems: Problem[]) => string | undefined
}

const reasonFor = (word: string) => (l: LanguageResult) => l.reasons.filter((r) => r.includes(word)).join('; ') || undefined

const LOCALE_CASES: Case[] = [
  { name: 'coverage', kinds: ['missing', 'empty', 'untranslated', 'stale'], failure: (l) => (l.failed.includes('coverage') ? l.reasons.filter((r) => !/placeholder|nesting|formatter|tag error|QA finding/.test(r)).join('; ') : undefined) },
  { name: 'plural forms', kinds: ['plural'], failure: (l, ps) => (ps.length > 0 ? `${l.plurals} ${plural(l.plurals, 'plural form')} missing` : undefined) },
  { name: 'placeholders', kinds: ['placeholder'], failure: reasonFor('placeholder') },
  { name: 'nesting', kinds: ['nesting'], failure: reasonFor('nesting') },
  { name: 'formatters', kinds: ['formatter'], failure: reasonFor('formatter') },
  { name: 'tags', kinds: ['tags'], failure: reasonFor('tag error') },
  { name: 'extra keys', kinds: ['extra'], failure: () => undefined },
]

/** `--qa`: one case for the QA findings of the workbench. */
const QA_CASE: Case = { name: 'qa', kinds: QA_CHECKS.map((c) => `qa:${c}` as const), failure: reasonFor('QA finding') }

/** Problem lines in a failure body; the rest are counted, so a huge list stays a readable report. */
const BODY_LIMIT = 500

/** JUnit XML: `<testsuites>` with a `<testsuite>` per language and a `<testcase>` per check. */
export function formatJunit(r: CheckResult): string {
  const cases = r.source.kind === 'locales' || r.source.kind === 'files' ? LOCALE_CASES : [LOCALE_CASES[0]!, ...(hasQa(r) ? [QA_CASE] : [])]
  const byLang = new Map<string, Problem[]>()
  for (const p of r.problems) {
    let list = byLang.get(p.lang)
    if (!list) byLang.set(p.lang, (list = []))
    list.push(p)
  }
  const suites: string[] = []
  let tests = 0
  let failures = 0
  for (const [lang, l] of Object.entries(r.languages)) {
    const problems = byLang.get(lang) ?? []
    const body: string[] = []
    let suiteFailures = 0
    for (const c of cases) {
      const mine = problems.filter((p) => c.kinds.includes(p.kind))
      const failing = mine.filter((p) => p.severity === 'error')
      const message = c.failure(l, failing)
      // The name stays the same from run to run (reporters track a test by it); the figure goes in the output.
      const head = `    <testcase classname="tolk.check.${xml(lang)}" name="${xml(c.name)}">`
      const figure = c.name === 'coverage' ? `coverage ${pct(l)} (min ${l.min ?? 'baseline'})` : ''
      const out = [figure, listing(mine)].filter(Boolean).join('\n')
      if (message) {
        suiteFailures++
        body.push(head, `      <failure message="${xml(message)}" type="${xml(c.name)}">${xml(listing(failing))}</failure>`)
        if (figure) body.push(`      <system-out>${xml(figure)}</system-out>`)
        body.push('    </testcase>')
      } else if (out) {
        body.push(head, `      <system-out>${xml(out)}</system-out>`, '    </testcase>')
      } else {
        body.push(`${head.slice(0, -1)}/>`)
      }
    }
    tests += cases.length
    failures += suiteFailures
    suites.push(`  <testsuite name="tolk check ${xml(lang)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">`, ...body, '  </testsuite>')
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${xml(checkedLine(r)).replace(/--/g, '- -')} -->`,
    `<testsuites name="tolk check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}

function listing(problems: Problem[]): string {
  const lines = problems.slice(0, BODY_LIMIT).map((p) => `${placeOf(p)}: ${p.message}`)
  if (problems.length > BODY_LIMIT) lines.push(`… and ${problems.length - BODY_LIMIT} more`)
  return lines.join('\n')
}
