/**
 * The CLI reference, made from the CLI's own help: docs/cli.md holds the intro, a table of every
 * verb of the registry (`VERBS`, so a verb added later gets its row and page without anyone
 * listing it) and `tolk --help`; docs/cli/VERB.md holds what `tolk VERB --help` prints. One page
 * per verb keeps every page far below the docs size limit however many verbs come.
 * `npm run docs:cli` writes the pages; tests/cli/cli-reference.test.ts fails, naming the verb,
 * when a page and the help drift apart. All in one process: the help texts are constants.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { helpOf, usage } from './main.js'
import { VERBS } from './verbs.js'

/** One verb as the reference shows it: its name, one-line summary and full help. */
export interface VerbHelp {
  verb: string
  summary: string
  help: string
}

/** The reference's pages by path under docs/ (`cli.md`, `cli/serve.md`), each with its text. */
export type ReferencePages = Map<string, string>

/** The command that writes the pages, named wherever a page is out of date. */
export const REGENERATE = 'npm run docs:cli'

/** The index page, under docs/. */
export const INDEX = 'cli.md'

/** The folder of the per-verb pages, under docs/. */
export const VERB_DIR = 'cli'

const INTRO = `# CLI reference

Every verb of \`tolk\`, each with a page holding its own \`--help\` as the CLI prints it. These
pages are generated: change a verb's help in \`src/cli/verbs/\`, then run \`${REGENERATE}\` (a test
fails while the two differ).

Every verb exits 0 when all went well, 1 on findings or a partial failure (a check that failed, a
version conflict, a skipped file), and 2 on bad usage or unreadable input, with one line on
stderr. Every verb that opens the database takes \`--db FILE\` (else \`TOLK_DB\`, else
\`data/tolk.sqlite\`). Settings and environment variables: [operations](operations.md#options).

Only the verbs that bring data in create a database that does not exist yet (with the seeds
loaded, as on the service's first start): \`serve\`, \`import\` (not with \`--dry-run\`),
\`import-locales\`, \`tm import\`, \`tm align\` and \`user add\`; \`backup\` creates only its copy. Every other verb
refuses a missing path with exit 2 and one line naming it (\`tolk report: no database at
data/tolk.sqlit; give --db the workbench's database file\`). A \`--db\` that is a folder, an empty
file, another kind of file or a SQLite file without Tolk's schema also exits 2, naming the file:
Tolk never adds its tables to another program's database.

Arguments that start with \`-\` are taken as they stand (\`tolk translate A U --lang sv "- a list
item"\`); only an argument that names one of the verb's options is read as that option. A text
that is itself an option's name goes after \`--\`: \`tolk translate A U --lang sv -- --lang\`. An
unknown option is named, with the way out: \`tolk report: unknown option "--nope" (an argument
that starts with "-" goes after --, as in: -- "--nope"); see --help\`.`

/** The page of one verb, under docs/. */
export function verbPage(verb: string): string {
  // The name becomes a file name: refuse anything that could leave docs/cli/ or need escaping.
  if (!/^[a-z][a-z0-9-]*$/.test(verb)) throw new Error(`verb name unfit for a file name: ${JSON.stringify(verb)}`)
  return `${VERB_DIR}/${verb}.md`
}

/** Every verb of the registry, in its order, with the help `tolk VERB --help` prints. */
export async function verbHelps(): Promise<VerbHelp[]> {
  const out: VerbHelp[] = []
  for (const [verb, entry] of Object.entries(VERBS)) out.push({ verb, summary: entry.summary, help: (await helpOf(verb)) ?? '' })
  return out
}

/** The pages as they should be now, from the live help. */
export async function referencePages(): Promise<ReferencePages> {
  return renderReference(usage(), await verbHelps())
}

/** The index (intro, verb table, `tolk --help`) and a page per verb, in the registry's order. */
export function renderReference(topHelp: string, verbs: VerbHelp[]): ReferencePages {
  const rows = verbs.map((v) => `| [\`tolk ${v.verb}\`](${verbPage(v.verb)}) | ${inline(v.summary)} |`)
  const table = ['## Verbs', '', '| verb | what it does |', '| --- | --- |', ...rows].join('\n')
  const top = `## tolk --help\n\n${fence(topHelp)}`
  const pages: ReferencePages = new Map([[INDEX, `${[INTRO, table, top].join('\n\n')}\n`]])
  for (const v of verbs) pages.set(verbPage(v.verb), renderVerb(v))
  return pages
}

/** One verb's page: its summary, its help as code, and the way back to the index. */
function renderVerb({ verb, summary, help }: VerbHelp): string {
  const lead = `${inline(summary.charAt(0).toUpperCase() + summary.slice(1))}.`
  const back = `Exit codes, \`--db\` and every other verb: [CLI reference](../${INDEX}).`
  return `${[`# tolk ${verb}`, lead, fence(help), back].join('\n\n')}\n`
}

/**
 * How the pages on disk differ from those wanted, one line per page, naming its verb: a page
 * that differs, one missing, or one left over from a verb that no longer exists. Empty when equal.
 */
export function referenceDrift(want: ReferencePages, have: ReferencePages): string[] {
  const out: string[] = []
  for (const [path, text] of want) {
    const what = path === INDEX ? `docs/${INDEX} (intro, verb table, tolk --help)` : `tolk ${verbOf(path)} (docs/${path})`
    if (!have.has(path)) out.push(`${what}: page missing`)
    else if (have.get(path) !== text) out.push(`${what}: page differs from the help`)
  }
  for (const path of have.keys()) if (!want.has(path)) out.push(`docs/${path}: no verb ${verbOf(path)} in the registry, page left over`)
  return out
}

/** The reference pages now on disk under `docsDir`: the index and every docs/cli/*.md. */
export function readReference(docsDir: string): ReferencePages {
  const pages: ReferencePages = new Map()
  const read = (path: string) => {
    try {
      pages.set(path, readFileSync(join(docsDir, path), 'utf8'))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
  }
  read(INDEX)
  for (const file of verbFiles(docsDir)) read(`${VERB_DIR}/${file}`)
  return pages
}

/** Writes the pages that changed and deletes the pages of verbs that are gone; says which. */
export function writeReference(docsDir: string, want: ReferencePages): { written: string[]; removed: string[] } {
  const have = readReference(docsDir)
  const written = [...want.keys()].filter((path) => have.get(path) !== want.get(path))
  const removed = [...have.keys()].filter((path) => !want.has(path))
  mkdirSync(join(docsDir, VERB_DIR), { recursive: true })
  for (const path of written) writeFileSync(join(docsDir, path), want.get(path) ?? '')
  for (const path of removed) rmSync(join(docsDir, path))
  return { written, removed }
}

/** The Markdown files in docs/cli/ (none when the folder does not exist yet). */
function verbFiles(docsDir: string): string[] {
  try {
    return readdirSync(join(docsDir, VERB_DIR)).filter((f) => f.endsWith('.md')).sort()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}

/** The verb a page under docs/cli/ belongs to. */
function verbOf(path: string): string {
  return path.slice(VERB_DIR.length + 1, -'.md'.length)
}

/** A summary as Markdown text: `DIR/<lng>` must not turn into an HTML tag, nor `|` end a cell. */
function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&')
}

/** A code block that no run of backticks in the help can close early. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const marks = '`'.repeat(longest + 1)
  return `${marks}text\n${text}\n${marks}`
}
