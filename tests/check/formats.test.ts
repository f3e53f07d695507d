import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { n } from '../../src/check/formats/shared.js'
import { check, EN, writeTree } from './tree.js'

// sv: menu.help missing (source line 8), greeting broken (line 5), an extra key; de complete.
const SV = {
  title: 'Tolk',
  segments_one: '{{count}} segment kvar',
  segments_other: '{{count}} segment kvar',
  greeting: 'Hej {{nam}}',
  menu: { file: 'Arkiv' },
  old: 'Gammal',
}
const root = writeTree({ 'en/app.json': EN, 'sv/app.json': SV, 'de/app.json': EN })
const SV_FILE = join(root, 'locales/sv/app.json')
const EN_FILE = join(root, 'locales/en/app.json')

/** A tag-balance check: every element opened is closed in order, and the document has one root. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '')
  const stack: string[] = []
  let roots = 0
  for (const m of body.matchAll(/<(\/?)([\w:-]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m
    if (selfClose) {
      if (stack.length === 0) roots++
    } else if (close) {
      if (stack.pop() !== name) return false
    } else {
      if (stack.length === 0) roots++
      stack.push(name as string)
    }
  }
  return stack.length === 0 && roots === 1 && !/&(?!(amp|lt|gt|quot|apos);)/.test(body)
}

describe('output formats', () => {
  it('text: a summary table, then the first problems with file and line', () => {
    const r = check(root)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^checked 3 files, 2 target languages, \d+ strings/)
    expect(r.stdout).toMatch(/^de +100\.0 % +100 .* ok$/m)
    expect(r.stdout).toMatch(/^sv .*FAIL: coverage .* is below 100 %; 1 placeholder error$/m)
    expect(r.stdout).toContain(`${SV_FILE}:5  sv  placeholder: greeting lacks {{name}}`)
    expect(r.stdout).toContain(`${EN_FILE}:8  sv  missing: menu.help is missing`)
    expect(r.stdout).toMatch(/FAILED: 1 of 2 languages/)
  })

  it('text --quiet: the summary only', () => {
    const r = check(root, '--quiet')
    expect(r.stdout).not.toContain('problem')
    expect(r.stdout).toContain('FAILED')
  })

  it('json: the documented schema', () => {
    const r = check(root, '--format', 'json')
    const j = JSON.parse(r.stdout)
    expect(Object.keys(j)).toEqual(['source', 'checked', 'measure', 'languages', 'passed', 'problems'])
    expect(j.checked).toEqual({ files: 3, languages: 2, strings: 18 })
    expect(Object.keys(j.languages.sv)).toEqual(expect.arrayContaining(['coverage', 'missing', 'stale', 'plurals', 'placeholders', 'passed']))
    for (const p of j.problems) expect(Object.keys(p)).toEqual(['lang', 'file', 'line', 'key', 'kind', 'severity', 'message'])
  })

  it('junit: well-formed XML with a test suite per language and a test case per check', () => {
    const xml = check(root, '--format', 'junit').stdout
    expect(wellFormed(xml)).toBe(true)
    expect(xml.match(/<testsuite /g)).toHaveLength(2)
    expect(xml).toMatch(/<testsuites name="tolk check" tests="14" failures="2"/)
    expect(xml).toMatch(/<testcase classname="tolk.check.sv" name="placeholders">\s*<failure message="1 placeholder error"/)
    expect(xml).toContain('greeting lacks {{name}}')
  })

  it('sarif: a SARIF 2.1.0 log with rules and located results', () => {
    const log = JSON.parse(check(root, '--format', 'sarif').stdout)
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toMatch(/sarif-2\.1\.0/)
    const run = log.runs[0]
    expect(run.tool.driver.name).toBe('tolk check')
    const rules = run.tool.driver.rules.map((r: { id: string }) => r.id)
    for (const res of run.results) {
      expect(rules[res.ruleIndex]).toBe(res.ruleId)
      expect(['error', 'warning', 'note']).toContain(res.level)
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0)
    }
    const placeholder = run.results.find((r: { ruleId: string }) => r.ruleId === 'placeholder')
    expect(placeholder.locations[0].physicalLocation).toMatchObject({ region: { startLine: 5 } })
    expect(placeholder.locations[0].physicalLocation.artifactLocation.uri).toMatch(/locales\/sv\/app\.json$/)
  })

  it('github: annotations whose lines point at the key in the file', () => {
    const out = check(root, '--format', 'github').stdout
    const lines = out.trim().split('\n')
    const annotations = lines.filter((l) => /^::(error|warning) file=/.test(l))
    expect(annotations).toHaveLength(3)
    for (const a of annotations) {
      const m = /file=([^,]+),line=(\d+),title=[^:]*::(\S+)/.exec(a)
      expect(m).not.toBeNull()
      const [, file, line, key] = m as unknown as [string, string, string, string]
      const text = readFileSync(decodeURIComponent(file.replace(/%3A/g, ':').replace(/%2C/g, ',')), 'utf8').split('\n')
      const last = key.split('.').pop() as string
      expect(text[Number(line) - 1]).toContain(`"${last}"`)
    }
    expect(annotations.find((a) => a.startsWith('::warning'))).toContain('old is not in the source')
    expect(lines.at(-1)).toMatch(/^::notice title=tolk check::checked 3 files/)
  })

  it('markdown: a table for a pull-request comment', () => {
    const md = check(root, '--format', 'markdown').stdout
    expect(md).toMatch(/^## Translations: ❌ failed/)
    expect(md).toMatch(/^\| de \| `██████████` 100\.0 % \| 100 \| 0 \|/m)
    expect(md).toContain('<details>')
  })

  it('--output writes the format to a file and a text summary to stdout', () => {
    const file = join(root, 'out.sarif')
    const r = check(root, '--format', 'sarif', '--output', file)
    expect(r.status).toBe(1)
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0')
    expect(r.stdout).toMatch(/^checked 3 files/)
    expect(r.stdout).not.toContain('problems:')
  })

  it('--badge writes an SVG with the lowest coverage', () => {
    const file = join(root, 'badge.svg')
    check(root, '--badge', file, '--by', 'units')
    expect(existsSync(file)).toBe(true)
    const svg = readFileSync(file, 'utf8')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    // sv holds 4 of 5 keys (a broken placeholder is translated, but an error).
    expect(svg).toContain('translated: 80%')
  })
})

describe('counts for people', () => {
  it('n() writes a whole number as toLocaleString("en-US") does, without loading ICU', () => {
    for (const x of [0, 7, 999, 1000, 65124, 372025, 1_000_000, -1234, Number.MAX_SAFE_INTEGER]) expect(n(x)).toBe(x.toLocaleString('en-US'))
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (x) => n(x) === x.toLocaleString('en-US')))
  })
})
