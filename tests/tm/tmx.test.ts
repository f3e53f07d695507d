import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { InvalidInput } from '../../src/model/errors.js'
import { itWith, run, SCHEMAS } from '../formats/tools.js'
import { TMX } from './_memory-data.js'
import { addArticle, freshStore, tempPath, translateAll } from './_setup.js'

function write(name: string, text: string | Buffer): string {
  const file = tempPath(name)
  fs.writeFileSync(file, text)
  return file
}

describe('TMX import and export', () => {
  it('reads UTF-16 with a byte order mark', async () => {
    const store = freshStore()
    const file = write('u16.tmx', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TMX.replace('UTF-8', 'UTF-16'), 'utf16le')]))
    expect((await store.memory.importTmx(file)).added).toBe(3)
    await store.close()
  })

  it.each([
    ['not well-formed', TMX.replace('</tu>', '</tuv>'), /line \d+/],
    ['truncated', TMX.slice(0, 700), /./],
    ['not TMX', '<?xml version="1.0"?><xliff version="2.0"></xliff>', /not a TMX file/],
    ['bad language tags only', TMX.replace(/xml:lang="[^"]+"/g, 'xml:lang="12"'), /no unit in the file is usable.*"12"/],
    ['no header', '<tmx version="1.4"><body></body></tmx>', /header/],
    ['empty', '', /./],
    ['invalid UTF-8', Buffer.concat([Buffer.from(TMX.slice(0, 400)), Buffer.from([0xc3, 0x28]), Buffer.from(TMX.slice(400))]), /UTF-8/],
  ])('refuses a file that is %s, writing nothing', async (_what, text, message) => {
    const store = freshStore()
    const file = write('bad.tmx', text)
    await expect(store.memory.importTmx(file)).rejects.toThrow(InvalidInput)
    await expect(store.memory.importTmx(file)).rejects.toThrow(message)
    expect(await store.memory.pairs()).toEqual([])
    await store.close()
  })

  it('exports the memory as TMX that imports back into another store', async () => {
    const store = freshStore()
    await addArticle(store, 'sv-general-01', ['Fish & chips <cost> 5 pounds.', 'Second "sentence" here.'])
    await translateAll(store, 'sv-general-01', ['Fisk & pommes <kostar> 5 pund.', 'Andra "meningen" här.'])
    let tmx = ''
    for await (const piece of store.memory.exportTmx({ tgtLang: 'sv' })) tmx += piece
    expect(tmx).toContain('srclang="en"')
    expect(tmx).toContain('<seg>Fisk &amp; pommes &lt;kostar&gt; 5 pund.</seg>')
    expect(tmx).toContain('<prop type="x-tolk-tag">sv-general</prop>')
    const other = freshStore()
    expect(await other.memory.importTmx(write('out.tmx', tmx))).toMatchObject({ units: 2, added: 2 })
    const [m] = await other.memory.matches({ text: 'Second "sentence" here.', srcLang: 'en', tgtLang: 'sv' })
    expect(m).toMatchObject({ score: 100, target: 'Andra "meningen" här.', entry: { tag: 'sv-general', author: 'anna' } })
    await store.close()
    await other.close()
  })

  itWith(['xmllint', 'schemas'], 'the memory export with codes is valid against the TMX 1.4 DTD', async () => {
    const store = freshStore()
    await importText(store, { id: 'sv-general-02', tag: 'sv-general', lang: 'en', targets: ['sv'], text: 'Read the **book** and run `x` now.\n', format: 'md' })
    await translateAll(store, 'sv-general-02', ['Kör ⟦2/⟧ och läs ⟦1⟧boken⟦/1⟧.'])
    let out = ''
    for await (const piece of store.memory.exportTmx({ tgtLang: 'sv' })) out += piece
    expect(out).toContain('<seg>Kör <ph x="2"></ph> och läs <bpt i="1" x="1"></bpt>boken<ept i="1"></ept>.</seg>')
    const r = run('xmllint', ['--noout', '--nonet', '--dtdvalid', `${SCHEMAS}/tmx14.dtd`, write('mem.tmx', out)])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    await store.close()
  })

  it('reads <bpt>/<ept>/<ph>/<it> as codes numbered by the source, and writes them back as markup', async () => {
    const store = freshStore()
    const codes = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="html"/>
  <body>
    <tu>
      <tuv xml:lang="sv"><seg>Kör <ph x="9">&lt;code&gt;x&lt;/code&gt;</ph>, läs <bpt i="5">&lt;a href="u"&gt;</bpt>guiden<ept i="5">&lt;/a&gt;</ept> och <bpt i="4">&lt;b&gt;</bpt>boken<ept i="4">&lt;/b&gt;</ept> <it pos="end">&lt;/i&gt;</it>⟦</seg></tuv>
      <tuv xml:lang="en"><seg>Read the <bpt i="4">&lt;b&gt;<sub>not text</sub></bpt>book<ept i="4">&lt;/b&gt;</ept> and the <bpt i="5">&lt;a href="u"&gt;</bpt>guide<ept i="5">&lt;/a&gt;</ept>, run <ph x="9">&lt;code&gt;x&lt;/code&gt;</ph> <hi>now</hi>.</seg></tuv>
    </tu>
  </body>
</tmx>
`
    expect((await store.memory.importTmx(write('codes.tmx', codes))).added).toBe(1)
    const source = 'Read the ⟦1⟧book⟦/1⟧ and the ⟦2⟧guide⟦/2⟧, run ⟦3/⟧ now.'
    const [m] = await store.memory.matches({ text: source, srcLang: 'en', tgtLang: 'sv' })
    // The target's <it> is not a code of the source: left out; a literal ⟦ is escaped.
    expect(m).toMatchObject({ score: 100, target: 'Kör ⟦3/⟧, läs ⟦2⟧guiden⟦/2⟧ och ⟦1⟧boken⟦/1⟧ ⟦⟦' })
    let out = ''
    for await (const piece of store.memory.exportTmx({ tgtLang: 'sv' })) out += piece
    expect(out).toContain('<seg>Read the <bpt i="1" x="1"></bpt>book<ept i="1"></ept> and the <bpt i="2" x="2"></bpt>guide<ept i="2"></ept>, run <ph x="3"></ph> now.</seg>')
    expect(out).not.toContain('⟦1')
    const other = freshStore()
    expect((await other.memory.importTmx(write('again.tmx', out))).added).toBe(1)
    const [again] = await other.memory.matches({ text: source, srcLang: 'en', tgtLang: 'sv' })
    expect(again?.target).toBe(m?.target)
    await store.close()
    await other.close()
  })
})
