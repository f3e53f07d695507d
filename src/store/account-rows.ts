import type { Grant, Role, TokenInfo } from '../auth/types.js'
import { InvalidInput } from '../model/errors.js'

/** Rows of the accounts tables as both backends read them (times as ISO 8601 strings). */
export interface AccountRow {
  id: number
  name: string
  created_at: string
  disabled_at: string | null
}
export interface GrantRow {
  role: Role
  lang: string
}
export interface TokenRow {
  id: number
  name: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
}

/** The refusal of anything but listing for an account that was removed. */
export function removed(row: AccountRow): InvalidInput {
  return new InvalidInput(
    `account ${row.name} was removed on ${row.disabled_at}; its name stays in the history and cannot be used again`,
    'account-removed',
  )
}

/** Grant rows (one per role and language, `''` for every language), sorted, as grants. */
export function toGrants(rows: GrantRow[]): Grant[] {
  const out: Grant[] = []
  for (const r of rows) {
    let g = out.find((x) => x.role === r.role)
    if (!g) out.push((g = { role: r.role, langs: [] }))
    if (r.lang !== '') g.langs.push(r.lang)
  }
  return out
}

export function toToken(r: TokenRow): TokenInfo {
  return { id: r.id, account: r.name, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at }
}
