import { sql as initial } from './001-initial.js'
import { sql as accounts } from './002-accounts.js'
import { sql as web } from './003-web.js'
import { sql as memory } from './004-memory.js'
import { sql as listing } from './005-listing.js'
import { sql as memorySync } from './006-memory-sync.js'
import { sql as resourceSets } from './007-resource-sets.js'
import { sql as memoryGrams } from './008-memory-grams.js'
import { sql as historyChain } from './009-history-chain.js'
import { sql as pluralForms } from './010-plural-forms.js'
import { sql as writeOrigin } from './011-write-origin.js'
import { sql as signInLimits } from './012-sign-in-limits.js'
import { sql as textFaults } from './014-text-faults.js'
import { sql as archive } from './015-archive.js'
import { sql as documents } from './016-documents.js'
import { sql as confirmedLanguage } from './017-confirmed-language.js'
import { sql as documentEvents } from './018-document-events.js'
import { sql as machineTranslation } from './019-machine-translation.js'
import { sql as unitRoles } from './020-unit-roles.js'
import { sql as authVersion } from './021-auth-version.js'
import { sql as termbases } from './022-termbases.js'
import { sql as reviewStates } from './023-review-states.js'
import { sql as comments } from './024-comments.js'
import { sql as assignments } from './025-assignments.js'
import { sql as qaDismissals } from './026-qa-dismissals.js'
import { sql as batches } from './027-batches.js'
import { sql as alignedOrigin } from './028-aligned-origin.js'
import { sql as namespaceFolders } from './029-namespace-folders.js'
import { sql as batchStaleSources } from './030-batch-stale-sources.js'
import { sql as assignmentWithdrawals } from './031-assignment-withdrawals.js'

/** One numbered schema step; `version` is what `PRAGMA user_version` holds once it has run. */
export interface Migration {
  version: number
  name: string
  sql: string
}

/**
 * Every schema step, in order. Append only: a migration that has shipped is never edited, since
 * databases in the field already ran it. Kept as TS constants so the build carries them in dist/.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001-initial', sql: initial },
  { version: 2, name: '002-accounts', sql: accounts },
  { version: 3, name: '003-web', sql: web },
  { version: 4, name: '004-memory', sql: memory },
  { version: 5, name: '005-listing', sql: listing },
  { version: 6, name: '006-memory-sync', sql: memorySync },
  { version: 7, name: '007-resource-sets', sql: resourceSets },
  { version: 8, name: '008-memory-grams', sql: memoryGrams },
  { version: 9, name: '009-history-chain', sql: historyChain },
  { version: 10, name: '010-plural-forms', sql: pluralForms },
  { version: 11, name: '011-write-origin', sql: writeOrigin },
  { version: 12, name: '012-sign-in-limits', sql: signInLimits },
  { version: 14, name: '014-text-faults', sql: textFaults },
  { version: 15, name: '015-archive', sql: archive },
  { version: 16, name: '016-documents', sql: documents },
  { version: 17, name: '017-confirmed-language', sql: confirmedLanguage },
  { version: 18, name: '018-document-events', sql: documentEvents },
  { version: 19, name: '019-machine-translation', sql: machineTranslation },
  { version: 20, name: '020-unit-roles', sql: unitRoles },
  { version: 21, name: '021-auth-version', sql: authVersion },
  { version: 22, name: '022-termbases', sql: termbases },
  { version: 23, name: '023-review-states', sql: reviewStates },
  { version: 24, name: '024-comments', sql: comments },
  { version: 25, name: '025-assignments', sql: assignments },
  { version: 26, name: '026-qa-dismissals', sql: qaDismissals },
  { version: 27, name: '027-batches', sql: batches },
  { version: 28, name: '028-aligned-origin', sql: alignedOrigin },
  { version: 29, name: '029-namespace-folders', sql: namespaceFolders },
  { version: 30, name: '030-batch-stale-sources', sql: batchStaleSources },
  { version: 31, name: '031-assignment-withdrawals', sql: assignmentWithdrawals },
]

/**
 * The schema version this code writes and understands: the last step's number. Numbers are
 * handed out to branches in advance, so the list may have gaps while they are being merged.
 */
export const SCHEMA_VERSION = (MIGRATIONS.at(-1) as Migration).version
