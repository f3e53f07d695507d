import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain script of the repository, without types
import { codesAsset, TARGET } from '../../scripts/codes-asset.mjs'
import * as insertable from '../../src/codes/insertable.js'

describe('the editor’s copy of the code functions (src/web/assets/codes.js)', () => {
  it('is what insertable.ts gives: run `npm run assets:codes` after changing it', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(codesAsset())
  })

  it('runs as a plain script and answers as the module does', () => {
    const TolkCodes = new Function(`${readFileSync(TARGET, 'utf8')}; return TolkCodes`)() as typeof insertable
    expect(Object.keys(TolkCodes).sort()).toEqual(Object.keys(insertable).sort())
    const source = 'Read ⟦1⟧the guide⟦/1⟧ at ⟦2/⟧.'
    expect(TolkCodes.insertMissing(source, 'Läs guiden', 4, 10)).toEqual(insertable.insertMissing(source, 'Läs guiden', 4, 10))
    expect(TolkCodes.deleteAtCaret('a⟦1⟧b⟦/1⟧', 4, 'backward')).toEqual({ text: 'ab', start: 1, end: 1 })
  })
})
