import { afterEach, describe } from 'vitest'
import { openPgStore } from '../../src/store/pg/create-pg-store.js'
import type { Store } from '../../src/store/types.js'
import { describeWith } from '../tools/need.js'
import { testArchive } from './_contract-archive.js'
import { testPluralCoverageCounters } from './_contract-plural-coverage.js'
import { testResourceSets } from './_contract-resource-sets.js'
import { testNamespaceFolders } from './_contract-namespaces.js'
import { testPluralZero } from './_contract-plural-zero.js'
import { freshPgUrl } from './_pg.js'
import { CONTRACTS } from './_contracts.js'

/** A store on a fresh, empty schema of this run's database. */
const freshStore = async () => openPgStore({ url: await freshPgUrl() })

describeWith(['postgres'], 'PostgreSQL store', () => {
  // Each contract in a describe of its own, so that its hooks run for its own tests only (see
  // sqlite.test.ts).
  describe('contract', () => {
    for (const [name, contract] of CONTRACTS) describe(name, () => contract(freshStore))
  })

  describe('contract: resource sets, plural coverage, archive', () => {
    const open: Store[] = []
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close()
    })
    const tracked = async () => {
      const s = await freshStore()
      open.push(s)
      return s
    }
    testResourceSets(tracked)
    testNamespaceFolders(tracked)
    testPluralZero(tracked)
    testPluralCoverageCounters(tracked)
    testArchive(tracked)
  })
})
