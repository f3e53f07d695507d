import { InvalidInput } from '../model/errors.js'
import { issueToken } from './tokens.js'
import type { Accounts } from './types.js'

/** Name of the account made on first start. */
export const FIRST_ADMIN = 'admin'

/**
 * On first start (no accounts at all), create an admin and return its API token, to be shown
 * once; later starts return undefined. Keeps the README's one-command start working.
 */
export async function ensureFirstAdmin(accounts: Accounts): Promise<string | undefined> {
  if ((await accounts.count()) > 0) return undefined
  try {
    await accounts.add(FIRST_ADMIN, [{ role: 'admin', langs: [] }])
  } catch (err) {
    // Another process starting on the same new database made it first: it printed the token.
    if (err instanceof InvalidInput && err.code === 'account-exists') return undefined
    throw err
  }
  return (await issueToken(accounts, FIRST_ADMIN)).token
}
