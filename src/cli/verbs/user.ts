import { makeGrant } from '../../auth/grants.js'
import { describeGrant } from '../../auth/permissions.js'
import type { Account, Accounts } from '../../auth/types.js'
import { ROLES } from '../../auth/types.js'
import { hashPassword } from '../../auth/passwords.js'
import { resolveDbPath } from '../../config.js'
import { openSqliteWebAuth } from '../../store/sqlite/sessions.js'
import { readStdinBytes } from '../input.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, splitList, withStore, type StoreAccess } from '../store-access.js'

export const HELP = `Usage: tolk user add NAME --role ROLE [--lang sv,de] [--db FILE]
       tolk user grant NAME ROLE [--lang sv,de] [--db FILE]
       tolk user list [--db FILE]
       tolk user passwd NAME [--db FILE]

Manage the accounts that API tokens belong to. Roles: ${ROLES.join(', ')}.
  admin       imports articles and manages accounts
  translator  writes translations in its languages (--lang)
  reviewer    also sets reviewed and final, in its languages (--lang)
  viewer      reads
One account can hold several grants: tolk user grant ana reviewer --lang sv.
passwd sets the password for the web editor: asked twice on a terminal, else read from standard
input (one line): echo 'a long passphrase' | tolk user passwd ana.

Options:
  --role ROLE    the first grant of a new account
  --lang LANGS   languages of a translator or reviewer grant, comma-separated
${DB_HELP}
  -h, --help     this help`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { ...DB_OPTION, role: { type: 'string' }, lang: { type: 'string' } })
  const [action, name, role] = positionals
  const langs = splitList(values.lang) ?? []
  if (action === 'add') {
    if (!name || positionals.length !== 2) throw new UsageError('give one NAME: tolk user add NAME --role ROLE [--lang sv]')
    if (!values.role) throw new UsageError(`name the first grant with --role (${ROLES.join(', ')})`)
    const grant = makeGrant(values.role, langs)
    const account = await withAccounts(values.db, (a) => a.add(name, [grant]), { create: true })
    await writeOut(`${describeAccount(account)}\n`)
    return 0
  }
  if (action === 'grant') {
    if (!name || !role || positionals.length !== 3) throw new UsageError('give NAME and ROLE: tolk user grant NAME ROLE [--lang sv]')
    if (values.role) throw new UsageError('give the role as the second word, not --role: tolk user grant NAME ROLE')
    const grant = makeGrant(role, langs)
    const account = await withAccounts(values.db, (a) => a.grant(name, grant))
    await writeOut(`${describeAccount(account)}\n`)
    return 0
  }
  if (action === 'list') {
    if (positionals.length !== 1) throw new UsageError('tolk user list takes no names')
    const list = await withAccounts(values.db, (a) => a.list())
    await writeOut(list.map((a) => `${describeAccount(a)}\n`).join(''))
    return 0
  }
  if (action === 'passwd') {
    if (!name || positionals.length !== 2) throw new UsageError('give one NAME: tolk user passwd NAME')
    const password = await readPassword()
    const hash = await hashPassword(password)
    await withAccounts(values.db, async (accounts) => {
      const web = openSqliteWebAuth({ file: resolveDbPath(values.db) }, accounts)
      try {
        await web.passwords.set(name, hash)
      } finally {
        await web.close()
      }
    })
    await writeOut(`${name}: password set; sign in to the editor at /sign-in\n`)
    return 0
  }
  throw new UsageError('say what to do: tolk user add, grant, list or passwd; see --help')
}

/** `ana  translator:de reviewer:sv` */
function describeAccount(a: Account): string {
  return `${a.name}  ${a.grants.map(describeGrant).join(' ') || '(no grants)'}`
}

/**
 * Open the accounts of the database for one verb and close them afterwards. Only `user add`
 * creates a database that does not exist yet (see StoreAccess).
 */
export async function withAccounts<T>(dbFlag: string | undefined, fn: (accounts: Accounts) => Promise<T>, access: StoreAccess = {}): Promise<T> {
  return withStore(dbFlag, (store) => fn(store.accounts), access)
}

/**
 * The new password: from standard input when it is not a terminal (first line, without its line
 * end), else typed twice without echo.
 */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return (await readStdinBytes()).toString('utf8').split(/\r?\n/)[0] ?? ''
  const first = await promptHidden('New password: ')
  const again = await promptHidden('Again: ')
  if (first !== again) throw new UsageError('the two passwords differ: run tolk user passwd again')
  return first
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin
    process.stderr.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    let text = ''
    const done = (err?: Error) => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      process.stderr.write('\n')
      if (err) reject(err)
      else resolve(text)
    }
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done()
        if (ch === '\u0003') return done(new UsageError('cancelled'))
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('')
        else text += ch
      }
    }
    stdin.on('data', onData)
  })
}
