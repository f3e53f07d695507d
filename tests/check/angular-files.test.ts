/**
 * #23 finding 4: `tolk check --files` on a file another tool wrote, here Angular's
 * `ng extract-i18n` XLIFF 1.2 after a translator: codes are not words, an interpolation carried
 * in a code (`<x id="INTERPOLATION" equiv-text="{{ minutes }}"/>`) is compared like `{{…}}`,
 * words are counted as pocount counts them (within 2 %), and `translate="no"` units are no work.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkFiles } from '../../src/check/check-files.js'
import type { Problem } from '../../src/check/types.js'
import { itWith, pocount, run } from '../formats/tools.js'

const ANGULAR = fileURLToPath(new URL('./fixtures/angular-messages.sv.xlf', import.meta.url))

/** pocount's total source words of a file (the ninth column of its CSV row). */
function pocountWords(file: string): number {
  const row = run('pocount', ['--csv', file]).stdout.split('\n').find((l) => l.startsWith(file))
  return Number(row?.split(',')[9]?.trim())
}

describe('check --files on Angular XLIFF 1.2', () => {
  const checked = () => checkFiles({ paths: [ANGULAR], source: 'en' })

  it('leaves translate="no" units out of coverage', () => {
    const r = checked()
    const sv = r.languages.get('sv')!
    // 19 units in the file, two of them translate="no".
    expect(sv.units.total).toBe(17)
    expect(r.checked.strings).toBe(17)
    expect((r.problems as Problem[]).map((p) => p.key)).not.toContain('brand')
  })

  it('compares interpolations carried in codes like {{…}}, by the code, whatever its equiv-text in the target', () => {
    const placeholders = (checked().problems as Problem[]).filter((p) => p.kind === 'placeholder')
    expect(placeholders.map((p) => p.message)).toEqual(['5206857922697139278 lacks {{author.name}}'])
  })

  itWith(['pocount'], 'counts words within 2 % of pocount (codes are not words)', () => {
    const sv = checked().languages.get('sv')!
    const theirs = pocount(ANGULAR)
    // pocount leaves translate="no" units out too.
    expect(theirs.total).toBe(sv.units.total)
    const theirWords = pocountWords(ANGULAR)
    expect(theirWords).toBe(114)
    expect(Math.abs(sv.words.total - theirWords) / theirWords).toBeLessThanOrEqual(0.02)
  })
})

describe('check --files on Angular XLIFF 2.0', () => {
  it('compares an interpolation shown by <ph disp> and leaves translate="no" units out', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tolk-ng2-')), 'messages.sv.xlf')
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-US" trgLang="sv">
  <file id="ngi18n" original="ng.template">
    <unit id="5206857922697139278">
      <notes>
        <note category="location">src/app/article/article.component.html:12</note>
      </notes>
      <segment state="translated">
        <source>Updated <ph id="0" equiv="INTERPOLATION" disp="{{ minutes }}"/> minutes ago by <ph id="1" equiv="INTERPOLATION_1" disp="{{ author.name }}"/></source>
        <target>Uppdaterad av <ph id="1" equiv="INTERPOLATION_1" disp="{{ author.name }}"/></target>
      </segment>
    </unit>
    <unit id="brand" translate="no">
      <segment>
        <source>Tolk Workbench</source>
      </segment>
    </unit>
  </file>
</xliff>
`,
    )
    const r = checkFiles({ paths: [file], source: 'en' })
    expect(r.languages.get('sv')!.units.total).toBe(1)
    expect(r.languages.get('sv')!.words.total).toBe(4)
    expect((r.problems as Problem[]).map((p) => p.message)).toEqual(['5206857922697139278 lacks {{minutes}}'])
  })
})
