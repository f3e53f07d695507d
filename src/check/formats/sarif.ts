/**
 * `--format sarif`: SARIF 2.1.0 for code scanning. One rule per kind of problem; each result
 * points at the file and line of its key (workbench units get a logical location instead).
 */
import { createHash } from 'node:crypto'
import type { CheckResult, Problem, ProblemKind } from '../types.js'
import { checkedLine, hasQa } from './shared.js'
import { DEFAULT_SEVERITY, QA_CHECKS } from '../../qa/types.js'

/** One rule per kind: what it means, and (`help`) what to do about it. */
const RULES: { id: ProblemKind; text: string; help: string; level: 'error' | 'warning' }[] = [
  { id: 'missing', text: 'A key of the source is missing from the translation', help: 'Translate the key in this language (the location is the source key), or lower the language\'s --min.', level: 'error' },
  { id: 'empty', text: 'A translation is an empty string', help: 'Translate it; i18next shows an empty string as it is (returnEmptyString), not the source.', level: 'error' },
  { id: 'plural', text: 'A plural or ordinal form the language needs (CLDR) is missing', help: 'Add the forms named: the language\'s CLDR plural categories (Intl.PluralRules), or name a category in --optional-plurals.', level: 'error' },
  { id: 'placeholder', text: 'An interpolation ({{variable}}) is missing from the translation or unknown to the source', help: 'Write each {{variable}} of the source exactly as the source spells it; a translated variable name shows as empty.', level: 'error' },
  { id: 'nesting', text: 'A $t(...) nesting of the source is missing from the translation', help: 'Keep the $t(key) reference of the source in the translation.', level: 'error' },
  { id: 'untranslated', text: 'A workbench unit is untranslated', help: 'Translate the unit in the workbench.', level: 'error' },
  { id: 'stale', text: 'A workbench translation is stale: its source changed', help: 'Review the translation against the new source text in the workbench.', level: 'error' },
  { id: 'extra', text: 'A key of the translation is not in the source', help: 'Remove the key, or add it to the source: i18next never asks for it.', level: 'warning' },
  { id: 'formatter', text: 'An interpolation uses another formatter than the source ({{value, rate}} became {{value, bytes}})', help: 'Use the formatter of the source ({{value, rate(…)}}); its options may differ per language.', level: 'error' },
  { id: 'tags', text: 'A Trans-component or HTML tag (<0>…</0>, <strong>) is lost, unknown to the source, or out of order', help: 'Keep every tag of the source, paired and nested as in the source: Trans maps <0>…</0> to the component\'s children by index.', level: 'error' },
]

/** `--qa`: a rule per QA check, at its default severity (docs/qa.md says what each finds). */
const QA_RULES: typeof RULES = QA_CHECKS.map((c) => ({
  id: `qa:${c}` as const,
  text: `A QA finding of the workbench: ${c}`,
  help: 'Correct the translation in the workbench, or dismiss the finding there (on the QA page or in the editor) with a reason.',
  level: DEFAULT_SEVERITY[c],
}))

/** A SARIF 2.1.0 log with one run: the rules, and a result per problem. */
export function formatSarif(r: CheckResult, version: string): string {
  const rules = hasQa(r) ? [...RULES, ...QA_RULES] : RULES
  const index = new Map(rules.map((rule, i) => [rule.id, i]))
  const results = r.problems.map((p) => result(p, index.get(p.kind) ?? 0))
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tolk check',
            version,
            informationUri: 'https://github.com/tolk/tolk#ci-check-tolk-check',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.text },
              fullDescription: { text: rule.text },
              help: { text: rule.help },
              helpUri: 'https://github.com/tolk/tolk/blob/main/docs/ci-check.md',
              defaultConfiguration: { level: rule.level },
            })),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'note', message: { text: checkedLine(r) } }] }],
        results,
        properties: { passed: r.passed, checked: r.checked },
      },
    ],
  }
  return `${JSON.stringify(sarif, null, 1)}\n`
}

function result(p: Problem, ruleIndex: number) {
  const location = p.file
    ? { physicalLocation: { artifactLocation: { uri: uri(p.file) }, ...(p.line ? { region: { startLine: p.line } } : {}) } }
    : { logicalLocations: [{ name: p.key, fullyQualifiedName: `${p.article ?? ''}/${p.key}`, kind: 'member' }] }
  return {
    ruleId: p.kind,
    ruleIndex,
    level: p.severity,
    message: { text: `${p.lang}: ${p.message}` },
    locations: [location],
    // Neither line nor message: code scanning follows a problem across commits that move its line.
    partialFingerprints: { 'tolkProblem/v1': fingerprint(p) },
    properties: { lang: p.lang, key: p.key, ...(p.article ? { article: p.article, position: p.position } : {}) },
  }
}

/** What identifies a problem whatever its line: language, kind, key, file (or article). */
function fingerprint(p: Problem): string {
  return createHash('sha256').update([p.lang, p.kind, p.key, p.file ?? '', p.article ?? ''].join('\u0000')).digest('hex').slice(0, 32)
}

/** A relative file path as a URI reference: forward slashes, each segment percent-encoded. */
function uri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/')
}
