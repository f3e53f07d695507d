import { afterEach, describe } from 'vitest'
import { openPgStore } from '../../src/store/pg/create-pg-store.js'
import type { Store } from '../../src/store/types.js'
import { describeWith } from '../tools/need.js'
import { testStore } from './_contract.js'
import { testArchive } from './_contract-archive.js'
import { testDocuments } from './_contract-documents.js'
import { testMtStore } from './_contract-mt.js'
import { testTermStore } from './_contract-terms.js'
import { testAssignments } from './_contract-assignments.js'
import { testCommentStore } from './_contract-comments.js'
import { testAlignedStore } from './_contract-aligned.js'
import { testBatchStore } from './_contract-batches.js'
import { testReviewWrites } from './_contract-review.js'
import { testQaStore } from './_contract-qa.js'
import { testPluralCoverageCounters } from './_contract-plural-coverage.js'
import { testResourceSets } from './_contract-resource-sets.js'
import { testNamespaceFolders } from './_contract-namespaces.js'
import { testPluralZero } from './_contract-plural-zero.js'
import { freshPgUrl } from './_pg.js'

/** A store on a fresh, empty schema of this run's database. */
const freshStore = async () => openPgStore({ url: await freshPgUrl() })

describeWith(['postgres'], 'PostgreSQL store', () => {
  describe('contract', () => {
    testStore(freshStore)
    testMtStore(freshStore)
    testDocuments(freshStore)
    testTermStore(freshStore)
    testAssignments(freshStore)
    testCommentStore(freshStore)
    testAlignedStore(freshStore)
    testBatchStore(freshStore)
    testReviewWrites(freshStore)
    testQaStore(freshStore)
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
