/**
 * `--format sarif`: SARIF 2.1.0 for code scanning. One rule per kind of problem; each result
 * points at the file and line of its key (workbench units get a logical location instead).
 */
import type { CheckResult, Problem, ProblemKind } from '../types.js'
import { checkedLine } from './shared.js'

const RULES: { id: ProblemKind; text: string; level: 'error' | 'warning' }[] = [
  { id: 'missing', text: 'A key of the source is missing from the translation', level: 'error' },
  { id: 'empty', text: 'A translation is an empty string', level: 'error' },
  { id: 'plural', text: 'A plural or ordinal form the language needs (CLDR) is missing', level: 'error' },
  { id: 'placeholder', text: 'An interpolation ({{variable}}) is missing from the translation or unknown to the source', level: 'error' },
  { id: 'nesting', text: 'A $t(...) nesting of the source is missing from the translation', level: 'error' },
  { id: 'untranslated', text: 'A workbench unit is untranslated', level: 'error' },
  { id: 'stale', text: 'A workbench translation is stale: its source changed', level: 'error' },
  { id: 'extra', text: 'A key of the translation is not in the source', level: 'warning' },
  { id: 'formatter', text: 'An interpolation uses another formatter than the source ({{value, rate}} became {{value, bytes}})', level: 'error' },
  { id: 'tags', text: 'A Trans-component or HTML tag (<0>…</0>, <strong>) is lost, unknown to the source, or out of order', level: 'error' },
]

/** A SARIF 2.1.0 log with one run: the rules, and a result per problem. */
export function formatSarif(r: CheckResult, version: string): string {
  const index = new Map(RULES.map((rule, i) => [rule.id, i]))
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
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.text },
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
    properties: { lang: p.lang, key: p.key, ...(p.article ? { article: p.article, position: p.position } : {}) },
  }
}

/** A relative file path as a URI reference: forward slashes, each segment percent-encoded. */
function uri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/')
}
