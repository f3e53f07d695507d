import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/run-cli.js'
import { tempPath } from './_setup.js'

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="en"><seg>The museum opens at nine.</seg></tuv><tuv xml:lang="sv"><seg>Museet öppnar klockan nio.</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>Tickets cost 12 euros.</seg></tuv><tuv xml:lang="sv"><seg>Biljetter kostar 12 euro.</seg></tuv></tu>
  </body>
</tmx>
`

function file(name: string, text: string): string {
  const f = tempPath(name)
  fs.writeFileSync(f, text)
  return f
}

describe('tolk tm, pretranslate, analyse', () => {
  it('imports, searches, pre-translates, analyses and exports; exit 0', () => {
    const db = tempPath('cli.sqlite')
    const art = file('a.txt', 'The museum opens at nine. Tickets cost 15 euros. Something new is here.\n')
    expect(runCli(['import', art, '--id', 'en-test-01', '--tag', 'en-test', '--lang', 'en', '--targets', 'sv', '--db', db]).status).toBe(0)
    const imp = runCli(['tm', 'import', file('m.tmx', TMX), '--db', db])
    expect(imp.stderr).toBe('')
    expect(imp.stdout).toContain('2 entries added')
    const search = runCli(['tm', 'search', 'museum', '--lang', 'sv', '--format', 'json', '--db', db])
    expect(search.status).toBe(0)
    expect(JSON.parse(search.stdout).hits[0].target).toBe('Museet öppnar klockan nio.')
    const csv = runCli(['analyse', 'en-test-01', '--lang', 'sv', '--format', 'csv', '--db', db])
    expect(csv.status).toBe(0)
    expect(csv.stdout).toContain('100,1,5,0')
    expect(csv.stdout).toContain('95-99,1,4,0')
    const pre = runCli(['pretranslate', 'en-test-01', '--lang', 'sv', '--min', '99', '--db', db])
    expect(pre.stdout).toContain('filled 2 of 3')
    const out = tempPath('out.tmx')
    expect(runCli(['tm', 'export', '--output', out, '--db', db]).status).toBe(0)
    expect(fs.readFileSync(out, 'utf8')).toContain('<seg>Biljetter kostar 15 euro.</seg>')
  })

  it('exits 2 on bad input, writing nothing', () => {
    const db = tempPath('bad.sqlite')
    const art = file('b.txt', 'The museum opens at nine.\n')
    expect(runCli(['import', art, '--id', 'en-test-01', '--tag', 'en-test', '--lang', 'en', '--targets', 'sv,de', '--db', db]).status).toBe(0)
    const broken = runCli(['tm', 'import', file('bad.tmx', TMX.replace('</body>', '')), '--db', db])
    expect(broken.status).toBe(2)
    expect(broken.stderr).toMatch(/^tolk tm: .*line \d+/)
    expect(runCli(['tm', 'import', file('x.tmx', '<xliff/>'), '--db', db]).status).toBe(2)
    expect(runCli(['tm', 'pairs', '--db', db]).stdout).toBe('the memory is empty\n')
    expect(runCli(['tm', 'import', file('ok.tmx', TMX), '--db', db]).status).toBe(0)
    expect(runCli(['tm', 'search', '', '--lang', 'sv', '--db', db]).status).toBe(2)
    expect(runCli(['tm', 'search', 'x'.repeat(100_000), '--lang', 'sv', '--db', db]).status).toBe(2)
    expect(runCli(['tm', 'search', 'museum', '--lang', 'fi', '--db', db]).status).toBe(2)
    expect(runCli(['pretranslate', 'en-test-01', '--lang', 'de', '--db', db]).status).toBe(2)
    expect(runCli(['pretranslate', 'en-test-01', '--lang', 'sv', '--min', '300', '--db', db]).status).toBe(2)
    expect(runCli(['analyse', 'nope', '--lang', 'sv', '--db', db]).status).toBe(2)
    expect(runCli(['tm', 'frobnicate', '--db', db]).status).toBe(2)
  })
})
