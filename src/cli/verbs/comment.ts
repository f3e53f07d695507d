import { userInfo } from 'node:os'
import { checkId } from '../../model/ids.js'
import { parseLanguage } from '../../model/tags.js'
import type { Comment, CommentThread } from '../../team/comment-types.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk comment add ARTICLE UNIT [--lang sv] [--query] [--as NAME] [--db FILE] TEXT
       tolk comment list ARTICLE [--open] [--lang sv] [--format text|json] [--db FILE]
       tolk comment reply ID [--as NAME] [--db FILE] TEXT
       tolk comment resolve ID [--as NAME] [--db FILE]

Comments and queries on an article's units: a thread per unit, each comment for one target
language (--lang) or for the source (no --lang: every language sees it). A query (--query) is a
question that stays open until someone resolves it; it is answered once someone other than its
asker replies. @name in a text mentions an account, which is notified. Texts are plain, at most
10,000 characters.

  add      start a thread on UNIT (a unit id, as tolk report --format json lists them)
  list     the article's threads in unit order, each with its replies; --open keeps the open
           queries only, --lang a language's threads and the source's
  reply    answer in the thread of comment ID
  resolve  mark the query ID resolved (who and when are kept)

The CLI works on the database directly, with its rights (as an admin); the API and the editor
check the grants of whoever comments: POST /api/articles/ARTICLE/units/UNIT/comments,
POST /api/comments/ID/replies, PATCH /api/comments/ID {"resolved": true}.

Options:
  --lang xx          add: the target language the comment is about; list: only that language's and the source's
  --query            add: a query rather than a remark
  --open             list: open queries only
  --format F         list: text (default) or json
  --as NAME          who writes (default: TOLK_USER, else the system user name)
${DB_HELP}
  -h, --help         this help

Exit status: 0 done, 2 bad usage or input (an unknown article, unit or comment, a text that
breaks the text rule or is too long, a comment that is not a query to resolve).`

const OPTIONS = {
  ...DB_OPTION,
  lang: { type: 'string' },
  query: { type: 'boolean' },
  open: { type: 'boolean' },
  format: { type: 'string' },
  as: { type: 'string' },
} as const

export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args
  // The text is the last positional, taken as it stands (it may start with "-").
  const textFrom = action === 'add' ? 2 : action === 'reply' ? 1 : undefined
  const { values, positionals } = parseVerbArgs(rest, OPTIONS, true, textFrom !== undefined ? { textFrom } : {})
  const by = values.as ?? process.env.TOLK_USER ?? userInfo().username
  switch (action) {
    case 'add': {
      if (positionals.length !== 3) throw new UsageError('give ARTICLE, UNIT and the TEXT (quoted); see --help')
      const [article, unit, text] = positionals as [string, string, string]
      const lang = values.lang === undefined ? undefined : parseLanguage(values.lang)
      const c = await withStore(values.db, (store) => store.comments.add({
        article: checkId(article, 'article id'), unit, kind: values.query ? 'query' : 'comment', text, by, ...(lang ? { lang } : {}),
      }))
      await writeOut(`added ${c.kind} ${c.id} on ${c.unit}${c.lang ? ` (${c.lang})` : ' (source)'}\n`)
      return 0
    }
    case 'list': {
      if (positionals.length !== 1) throw new UsageError('give one ARTICLE; see --help')
      const format = values.format ?? 'text'
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format "${format}": use text or json`)
      const lang = values.lang === undefined ? undefined : parseLanguage(values.lang)
      const article = checkId(positionals[0]!, 'article id')
      const threads = await withStore(values.db, (store) => store.comments.threads(article, { open: values.open ?? false, ...(lang ? { lang } : {}) }))
      if (format === 'json') await writeOut(`${JSON.stringify({ article, threads }, null, 2)}\n`)
      else await writeOut(threads.map(threadText).join('') || (values.open ? 'no open queries\n' : 'no comments\n'))
      return 0
    }
    case 'reply': {
      if (positionals.length !== 2) throw new UsageError('give the comment ID and the TEXT (quoted); see --help')
      const c = await withStore(values.db, (store) => store.comments.reply(commentId(positionals[0]!), { text: positionals[1]!, by }))
      await writeOut(`added reply ${c.id} to ${c.parent}\n`)
      return 0
    }
    case 'resolve': {
      if (positionals.length !== 1) throw new UsageError('give the comment ID of the query; see --help')
      const c = await withStore(values.db, (store) => store.comments.resolve(commentId(positionals[0]!), { by }))
      await writeOut(`resolved ${c.id} (by ${c.resolved?.by}, ${c.resolved?.at})\n`)
      return 0
    }
    default:
      throw new UsageError('comment needs an action: add, list, reply or resolve; see --help')
  }
}

function commentId(s: string): number {
  if (!/^\d{1,15}$/.test(s) || Number(s) < 1) throw new UsageError(`"${s.slice(0, 40)}" is not a comment id: give a number such as 7`)
  return Number(s)
}

/** One line per comment: id, state, where, who, and the text on one line (control characters are refused on the way in). */
function line(c: Comment, indent: string): string {
  const status = c.deleted ? `deleted by ${c.deleted.by}` : c.kind === 'query'
    ? c.resolved ? `query, resolved by ${c.resolved.by}` : c.answeredAt ? 'query, answered' : 'query, open'
    : c.parent ? 'reply' : 'comment'
  const text = c.deleted ? '' : `: ${c.text.replace(/\s*\n\s*/g, ' ')}`
  return `${indent}${c.id}\t${c.unit}\t${c.lang ?? 'source'}\t${status}\t${c.author}${text}\n`
}

function threadText(t: CommentThread): string {
  return line(t, '') + t.replies.map((r) => line(r, '  ')).join('')
}
