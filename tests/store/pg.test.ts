import { describe } from 'vitest'
import { openPgStore } from '../../src/store/pg/create-pg-store.js'
import { describeWith } from '../tools/need.js'
import { testStore } from './_contract.js'
import { testDocuments } from './_contract-documents.js'
import { testMtStore } from './_contract-mt.js'
import { freshPgUrl } from './_pg.js'

/** A store on a fresh, empty schema of this run's database. */
const freshStore = async () => openPgStore({ url: await freshPgUrl() })

describeWith(['postgres'], 'PostgreSQL store', () => {
  describe('contract', () => {
    testStore(freshStore)
    testMtStore(freshStore)
    testDocuments(freshStore)
  })
})
