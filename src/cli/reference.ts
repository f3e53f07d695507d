/**
 * docs/cli.md, made from the CLI's own help: `tolk --help`, then each verb of the registry
 * (`VERBS`, so a verb added later gets its section without anyone listing it) with the text its
 * `--help` prints. `npm run docs:cli` writes it; tests/cli/cli-reference.test.ts fails when the
 * page and the help drift apart. All in one process: the help texts are constants of the verbs.
 */
import { helpOf, usage } from './main.js'
import { VERBS } from './verbs.js'

/** One section of the page: its title (`tolk`, `tolk serve`) and the help printed for it. */
export interface ReferenceSection {
  title: string
  help: string
}

/** The command that writes the page, named wherever the page is out of date. */
export const REGENERATE = 'npm run docs:cli'

const INTRO = `# CLI reference

Every verb of \`tolk\` with its own \`--help\`, as the CLI prints it. This page is generated:
change a verb's help in \`src/cli/verbs/\`, then run \`${REGENERATE}\` (a test fails while the two
differ).

Every verb exits 0 when all went well, 1 on findings or a partial failure (a check that failed, a
version conflict, a skipped file), and 2 on bad usage or unreadable input, with one line on
stderr. Every verb that opens the database takes \`--db FILE\` (else \`TOLK_DB\`, else
\`data/tolk.sqlite\`). Settings and environment variables: [operations](operations.md#options).`

/** `tolk --help` and every verb's help, in the registry's order. */
export async function referenceSections(): Promise<ReferenceSection[]> {
  const sections: ReferenceSection[] = [{ title: 'tolk', help: usage() }]
  for (const verb of Object.keys(VERBS)) sections.push({ title: `tolk ${verb}`, help: (await helpOf(verb)) ?? '' })
  return sections
}

/** The page: the intro, a list of the verbs, then a section per verb with its help as code. */
export function renderReference(sections: ReferenceSection[]): string {
  const list = sections.map((s) => `[\`${s.title}\`](#${anchor(s.title)})`).join(' · ')
  const body = sections.map((s) => `## ${s.title}\n\n${fence(s.help)}`)
  return `${[INTRO, list, ...body].join('\n\n')}\n`
}

/** A page's sections by title, each as written (for telling which verb drifted). */
export function sectionsOf(page: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of page.split(/^## /m).slice(1)) {
    const end = part.indexOf('\n')
    out.set(part.slice(0, end).trim(), part.slice(end + 1).trim())
  }
  return out
}

/** GitHub's anchor for a heading: lower case, spaces as hyphens, other punctuation dropped. */
function anchor(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')
}

/** A code block that no run of backticks in the help can close early. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const marks = '`'.repeat(longest + 1)
  return `${marks}text\n${text}\n${marks}`
}
