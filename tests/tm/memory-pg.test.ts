import { freshPgUrl } from '../store/_pg.js'
import { describeWith } from '../tools/need.js'
import { testMemory } from './_contract-memory.js'
import { pgMemory } from './_memory-fixture.js'

describeWith(['postgres'], 'PostgreSQL memory', () => {
  testMemory(pgMemory(freshPgUrl))
})
