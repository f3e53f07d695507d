import { makeGrant } from '../../auth/grants.js'
import { describeGrant } from '../../auth/permissions.js'
import type { Account, Accounts } from '../../auth/types.js'
import { ROLES } from '../../auth/types.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, splitList, withStore } from '../store-access.js'

export const HELP = `Usage: tolk user add NAME --role ROLE [--lang sv,de] [--db FILE]
       tolk user grant NAME ROLE [--lang sv,de] [--db FILE]
       tolk user list [--db FILE]

Manage the accounts that API tokens belong to. Roles: ${ROLES.join(', ')}.
  admin       imports articles and manages accounts
  translator  writes translations in its languages (--lang)
  reviewer    also sets reviewed and final, in its languages (--lang)
  viewer      reads
One account can hold several grants: tolk user grant ana reviewer --lang sv.

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
    const account = await withAccounts(values.db, (a) => a.add(name, [grant]))
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
  throw new UsageError('say what to do: tolk user add, grant or list; see --help')
}

/** `ana  translator:de reviewer:sv` */
function describeAccount(a: Account): string {
  return `${a.name}  ${a.grants.map(describeGrant).join(' ') || '(no grants)'}`
}

/**
 * Open the accounts of the database for one verb and close them afterwards. A database that does
 * not exist yet is created (with the seeds) first, as every verb does.
 */
export async function withAccounts<T>(dbFlag: string | undefined, fn: (accounts: Accounts) => Promise<T>): Promise<T> {
  return withStore(dbFlag, (store) => fn(store.accounts))
}
