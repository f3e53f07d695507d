import type { Store } from '../../src/store/types.js'
import { testStore } from './_contract.js'
import { testAlignedStore } from './_contract-aligned.js'
import { testAssignments } from './_contract-assignments.js'
import { testBatchStore } from './_contract-batches.js'
import { testCommentStore } from './_contract-comments.js'
import { testDocuments } from './_contract-documents.js'
import { testMtStore } from './_contract-mt.js'
import { testQaStore } from './_contract-qa.js'
import { testReviewWrites } from './_contract-review.js'
import { testTermStore } from './_contract-terms.js'

/**
 * The store contracts that make a store of their own before each test, by name: each backend's
 * file runs each in a describe of its own, so that a contract's hooks serve its own tests only.
 */
export const CONTRACTS: readonly (readonly [string, (makeStore: () => Store | Promise<Store>) => void])[] = [
  ['store', testStore],
  ['machine translation', testMtStore],
  ['documents', testDocuments],
  ['terms', testTermStore],
  ['assignments', testAssignments],
  ['comments', testCommentStore],
  ['aligned', testAlignedStore],
  ['batches', testBatchStore],
  ['review writes', testReviewWrites],
  ['QA', testQaStore],
]
