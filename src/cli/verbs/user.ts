import { makeGrant, makeRevocation } from '../../auth/grants.js'
import { describeGrant } from '../../auth/permissions.js'
import type { Account, Accounts } from '../../auth/types.js'
import { ROLES } from '../../auth/types.js'
import { hashPassword } from '../../auth/passwords.js'
import { resolveDbPath } from '../../config.js'
import { openWebAuth } from '../../store/open-web-auth.js'
import type { WebAuth } from '../../store/sqlite/sessions.js'
import { readStdinBytes } from '../input.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, splitList, withStore, type StoreAccess } from '../store-access.js'

export const HELP = `Usage: tolk user add NAME --role ROLE [--lang sv,de] [--db FILE]
       tolk user grant NAME ROLE [--lang sv,de] [--db FILE]
       tolk user revoke NAME ROLE [--lang sv,de] [--db FILE]
       tolk user list [--db FILE]
       tolk user passwd NAME [--db FILE]
       tolk user sign-out NAME [--db FILE]
       tolk user remove NAME [--db FILE]

Manage the accounts that API tokens belong to. Roles: ${ROLES.join(', ')}.
  admin       imports articles and manages accounts
  translator  writes translations in its languages (--lang)
  reviewer    also sets reviewed and final, in its languages (--lang)
  viewer      reads
  coordinator hands out work in its languages (--lang): tolk assign, POST /api/assignments
One account can hold several grants: tolk user grant ana reviewer --lang sv.

  revoke    takes a grant back: the whole role, or with --lang only those languages; it also
            ends the account's editor sessions (it signs in again with what it has left)
  passwd    sets the password for the web editor: asked twice on a terminal, else read from
            standard input (one line): echo 'a long passphrase' | tolk user passwd ana.
            It ends every editor session of the account
  sign-out  ends every editor session of the account (its API tokens stay: tolk token revoke)
  remove    disables the account for good: no sign-in, its API tokens revoked and its sessions
            ended. Accounts are never deleted: the name stays in history and comments and
            cannot be used for a new account
Each takes effect at once, on the next request to a running server.

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
  if (action === 'revoke') {
    if (!name || !role || positionals.length !== 3) throw new UsageError('give NAME and ROLE: tolk user revoke NAME ROLE [--lang sv]')
    if (values.role) throw new UsageError('give the role as the second word, not --role: tolk user revoke NAME ROLE')
    const take = makeRevocation(role, langs)
    const { account, ended } = await withWebAuth(values.db, async (accounts, web) => {
      const account = await accounts.revoke(name, take)
      return { account, ended: await web.sessions.endAll(name) }
    })
    await writeOut(`${describeAccount(account)}\n${sessionsEnded(name, ended)}`)
    return 0
  }
  if (action === 'sign-out' || action === 'remove') {
    if (!name || positionals.length !== 2) throw new UsageError(`give one NAME: tolk user ${action} NAME`)
    if (values.role || values.lang) throw new UsageError(`tolk user ${action} takes only a NAME`)
    const { account, ended } = await withWebAuth(values.db, async (accounts, web) => {
      // Disabled first: a session or token of a removed account is refused even before it ends.
      const account = action === 'remove' ? await accounts.remove(name) : undefined
      return { account, ended: await web.sessions.endAll(name) }
    })
    if (account) await writeOut(`${name}: removed; its API tokens are revoked and the name cannot be used again\n`)
    await writeOut(sessionsEnded(name, ended))
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
    const ended = await withWebAuth(values.db, (_, web) => web.passwords.set(name, hash))
    await writeOut(`${name}: password set; sign in to the editor at /sign-in\n${sessionsEnded(name, ended)}`)
    return 0
  }
  throw new UsageError('say what to do: tolk user add, grant, revoke, list, passwd, sign-out or remove; see --help')
}

function sessionsEnded(name: string, n: number): string {
  return `${name}: ${n} editor session${n === 1 ? '' : 's'} ended\n`
}

/** `ana  translator:de reviewer:sv` */
function describeAccount(a: Account): string {
  if (a.disabledAt) return `${a.name}  (removed ${a.disabledAt})`
  return `${a.name}  ${a.grants.map(describeGrant).join(' ') || '(no grants)'}`
}

/**
 * Open the accounts of the database for one verb and close them afterwards. Only `user add`
 * creates a database that does not exist yet (see StoreAccess).
 */
export async function withAccounts<T>(dbFlag: string | undefined, fn: (accounts: Accounts) => Promise<T>, access: StoreAccess = {}): Promise<T> {
  return withStore(dbFlag, (store) => fn(store.accounts), access)
}

/** {@link withAccounts}, with the editor's passwords and sessions on the same file. */
async function withWebAuth<T>(dbFlag: string | undefined, fn: (accounts: Accounts, web: WebAuth) => Promise<T>): Promise<T> {
  return withAccounts(dbFlag, async (accounts) => {
    const web = await openWebAuth(resolveDbPath(dbFlag), accounts)
    try {
      return await fn(accounts, web)
    } finally {
      await web.close()
    }
  })
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
