import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check, checkJson, writeTree } from './tree.js'

// Ten keys; the first one holds 11 words, the rest one word each: 20 words in all.
const EN: Record<string, string> = { long: 'one two three four five six seven eight nine ten eleven' }
for (let i = 1; i < 10; i++) EN[`k${i}`] = `word${i}`
const upTo = (n: number, skipLong = false) =>
  Object.fromEntries(Object.entries(EN).filter(([k], i) => i < n && !(skipLong && k === 'long')))

describe('thresholds', () => {
  it('applies the bare --min to every language and overrides it per language', () => {
    // sv has 9 of 10 keys (the long one missing: 9 of 20 words), de all.
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': upTo(10, true), 'de/a.json': EN })
    expect(check(root, '--min', '95', '--by', 'units').status).toBe(1)
    expect(check(root, '--min', '90', '--by', 'units').status).toBe(0)
    expect(check(root, '--min', '100,sv=90', '--by', 'units').status).toBe(0)
    const { json } = checkJson(root, '--min', '100,sv=90', '--by', 'units')
    expect(json.languages.sv?.min).toBe(90)
    expect(json.languages.de?.min).toBe(100)
  })

  it('measures by words by default and by keys with --by units', () => {
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': upTo(10, true) })
    expect(checkJson(root, '--min', '0').json.languages.sv?.coverage).toBeCloseTo(9 / 20)
    expect(checkJson(root, '--min', '0', '--by', 'units').json.languages.sv?.coverage).toBeCloseTo(9 / 10)
    expect(check(root, '--min', '90').status).toBe(1)
  })

  it('requires every language complete and error-free without --min', () => {
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': upTo(9) })
    const { status, json } = checkJson(root)
    expect(status).toBe(1)
    expect(json.languages.sv?.reasons).toEqual(['coverage 95.0 % is below 100 %'])
  })

  it('refuses a malformed --min', () => {
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': EN })
    expect(check(root, '--min', '120').status).toBe(2)
    expect(check(root, '--min', 'xx=50').status).toBe(2)
  })
})

describe('--baseline', () => {
  it('fails only on what got worse than the saved result', () => {
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': upTo(6) })
    const baseline = join(root, 'baseline.json')
    expect(check(root, '--format', 'json', '--output', baseline).status).toBe(1)
    // Unchanged: passes against the baseline although it is far from complete.
    expect(check(root, '--baseline', baseline).status).toBe(0)
    // Better: still passes.
    writeFileSync(join(root, 'locales/sv/a.json'), JSON.stringify(upTo(8)))
    expect(check(root, '--baseline', baseline).status).toBe(0)
    // Worse: a key that was translated is gone.
    writeFileSync(join(root, 'locales/sv/a.json'), JSON.stringify(upTo(5)))
    const worse = checkJson(root, '--baseline', baseline)
    expect(worse.status).toBe(1)
    expect(worse.json.languages.sv?.reasons.join('; ')).toMatch(/coverage fell.*1 key newly untranslated/)
  })

  it('fails on a new placeholder error but not on one the baseline had', () => {
    const en = { a: 'Hi {{name}}', b: 'Bye {{name}}' }
    const root = writeTree({ 'en/a.json': en, 'sv/a.json': { a: 'Hej', b: 'Hejdå {{name}}' } })
    const baseline = join(root, 'baseline.json')
    check(root, '--format', 'json', '--output', baseline)
    expect(check(root, '--baseline', baseline).status).toBe(0)
    writeFileSync(join(root, 'locales/sv/a.json'), JSON.stringify({ a: 'Hej', b: 'Hejdå' }))
    expect(check(root, '--baseline', baseline).status).toBe(1)
  })

  it('refuses a baseline that is not a check result', () => {
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': EN })
    writeFileSync(join(root, 'b.json'), '{"articles": []}')
    const r = check(root, '--baseline', join(root, 'b.json'))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/not a tolk check JSON result/)
  })
})
