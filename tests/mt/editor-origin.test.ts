/**
 * The editor's form names a machine origin (origin=mt, originEngine, originEdited): a suggestion
 * saved as it is stays a machine's, an edited one is the translator's; bad fields are refused.
 * And `tolk serve --mt` refuses bad configuration in one line, exit 2, before opening anything.
 */
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/run-cli.js'
import { ARTICLE, makeWebApp } from '../web/_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`
const save = (unit: string) => `${EDIT}/${unit}?filter=all&page=1`

describe('a segment saved from a machine suggestion', () => {
  it('records origin mt with its engine, and edited when the form says so', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    expect((await ana.post(save(unit), { text: 'Vädret.', version: '0', origin: 'mt', originEngine: 'apertium' })).status).toBe(303)
    await ana.post(save(unit), { text: 'Vädret i dag.', version: '1', origin: 'mt', originEngine: 'apertium', originEdited: '1' })
    expect((await w.store.history(ARTICLE.id, unit, 'sv')).map((h) => h.origin)).toEqual([
      { kind: 'mt', engine: 'apertium' },
      { kind: 'mt', engine: 'apertium', edited: true },
    ])
    const html = await (await ana.get(`${EDIT}/${unit}/history`)).text()
    expect(html).toContain('from mt:apertium')
    expect(html).toContain('edited from mt:apertium')
  })

  it('refuses mismatched or bad fields with 400 and writes nothing', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    const cases: Record<string, string>[] = [
      { origin: 'mt' },
      { origin: 'mt', originEngine: 'Apertium!' },
      { origin: 'mt', originEngine: 'apertium', originScore: '90' },
      { origin: 'memory', originScore: '90', originEngine: 'apertium' },
      { originEngine: 'apertium' },
      { origin: 'mt', originEngine: 'apertium', originEdited: 'yes' },
    ]
    for (const bad of cases) {
      const res = await ana.post(save(unit), { text: 'X.', version: '0', ...bad }, { Accept: 'application/json' })
      expect(res.status, JSON.stringify(bad)).toBe(400)
    }
    expect(await w.store.history(ARTICLE.id, unit, 'sv')).toEqual([])
  })
})

describe('tolk serve --mt', () => {
  it.each([
    ['apertium', /takes NAME=URL/],
    ['bing=https://x', /unknown engine kind "bing"/],
  ])('refuses --mt %s in one line with exit 2', (mt, why) => {
    const r = runCli(['serve', '--port', '0', '--db', ':memory:', '--mt', mt])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(why)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
