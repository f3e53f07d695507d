import { issueToken, parseExpiry } from '../../auth/tokens.js'
import type { TokenInfo } from '../../auth/types.js'
import { checkId } from '../../model/ids.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION } from '../store-access.js'
import { withAccounts } from './user.js'

export const HELP = `Usage: tolk token create NAME [--expires 30d] [--db FILE]
       tolk token list [NAME] [--db FILE]
       tolk token revoke ID [--db FILE]

API tokens of an account (see tolk user). "create" prints the new token once, alone on its last
line, so a script can take it with tail -n 1; only its SHA-256 hash is stored, so it cannot be
shown again. Clients send it as Authorization: Bearer TOKEN; CLI verbs that talk to a server read
it from TOLK_TOKEN.

Options:
  --expires AGE  the token stops working after AGE: 90m, 12h, 30d, 2w (default: never)
${DB_HELP}
  -h, --help     this help`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { ...DB_OPTION, expires: { type: 'string' } })
  const [action, arg] = positionals
  if (action === 'create') {
    if (!arg || positionals.length !== 2) throw new UsageError('give the account NAME: tolk token create NAME')
    const expiresAt = values.expires === undefined ? undefined : parseExpiry(values.expires)
    const { token, info } = await withAccounts(values.db, (a) =>
      issueToken(a, checkId(arg, 'account name'), expiresAt ? { expiresAt } : {}),
    )
    const until = info.expiresAt ? `, expires ${info.expiresAt}` : ''
    await writeOut(`token ${info.id} for ${info.account}${until}; shown this once:\n${token}\n`)
    return 0
  }
  if (values.expires !== undefined) throw new UsageError('--expires goes with tolk token create')
  if (action === 'list') {
    if (positionals.length > 2) throw new UsageError('tolk token list takes at most one NAME')
    const tokens = await withAccounts(values.db, (a) => a.listTokens(arg))
    await writeOut(tokens.map((t) => `${describe(t)}\n`).join(''))
    return 0
  }
  if (action === 'revoke') {
    if (!arg || positionals.length !== 2 || !/^\d{1,15}$/.test(arg)) throw new UsageError('give the token ID from tolk token list: tolk token revoke ID')
    const info = await withAccounts(values.db, (a) => a.revokeToken(Number(arg)))
    await writeOut(`${describe(info)}\n`)
    return 0
  }
  throw new UsageError('say what to do: tolk token create, list or revoke; see --help')
}

/** `3  ana  created 2026-…  expires 2026-…  revoked 2026-…` */
function describe(t: TokenInfo): string {
  const now = new Date().toISOString()
  const status = t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt && t.expiresAt <= now ? `expired ${t.expiresAt}` : t.expiresAt ? `expires ${t.expiresAt}` : 'valid, no expiry'
  return `${t.id}  ${t.account}  created ${t.createdAt}  ${status}`
}
