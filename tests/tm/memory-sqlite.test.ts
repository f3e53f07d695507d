import { describe } from 'vitest'
import { testMemory } from './_contract-memory.js'
import { sqliteMemory } from './_memory-fixture.js'

describe('SQLite memory', () => {
  testMemory(sqliteMemory)
})
