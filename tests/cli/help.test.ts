import { describe, expect, it } from 'vitest'
import { formatHelp } from '../../src/cli/help.js'
import { helpOf } from '../../src/cli/main.js'
import { VERBS } from '../../src/cli/verbs.js'
import { runCli } from './run-cli.js'

/** The column where each option line's description starts (`  --db FILE   SQLite …` → 14). */
function optionColumns(help: string): Map<string, number> {
  const columns = new Map<string, number>()
  for (const line of help.split('\n')) {
    const m = /^( {2}-\S(?:\S| (?! ))*) {2,}\S/.exec(line)
    if (m) columns.set((m[1] ?? '').trim(), m[0].length - 1)
  }
  return columns
}

describe('--help', () => {
  it('lines up every option of every verb in one column, --db and --help included', async () => {
    for (const verb of Object.keys(VERBS)) {
      const help = (await helpOf(verb)) ?? ''
      const columns = optionColumns(help)
      expect(columns.size, `${verb} lists its options`).toBeGreaterThan(0)
      expect(new Set(columns.values()), `${verb}: ${JSON.stringify([...columns])}`).toHaveLength(1)
    }
  })

  it('prints the aligned help from the real command', () => {
    const r = runCli(['serve', '--help'])
    expect(r.status).toBe(0)
    const columns = optionColumns(r.stdout)
    expect(columns.get('--db FILE|URL')).toBe(columns.get('--port N'))
  })

  it('tells the truth about where serve prints the first token', async () => {
    const help = (await helpOf('serve')) ?? ''
    // The first start prints the token, then the editor's address and the listening line.
    expect(help).not.toMatch(/last line/)
    expect(help).toMatch(/alone on a line of its own/)
  })
})

describe('formatHelp', () => {
  it('aligns every option run to the widest option, keeping continuation lines under their text', () => {
    const text = [
      'Sources:',
      '  --a X      first',
      '  --longer-option N  second,',
      '                     continued',
      '',
      'Options:',
      '  --db FILE      database',
      '  -h, --help  help',
    ].join('\n')
    expect(formatHelp(text)).toBe(
      [
        'Sources:',
        '  --a X              first',
        '  --longer-option N  second,',
        '                     continued',
        '',
        'Options:',
        '  --db FILE          database',
        '  -h, --help         help',
      ].join('\n'),
    )
  })

  it('aligns a list of names (formats, roles, sub-verbs) on its own', () => {
    const text = ['Roles:', '  admin  everything', '  translator   its languages', '', 'Options:', '  --role ROLE   the first grant'].join('\n')
    expect(formatHelp(text)).toBe(
      ['Roles:', '  admin       everything', '  translator  its languages', '', 'Options:', '  --role ROLE  the first grant'].join('\n'),
    )
  })

  it('leaves prose, usage lines and single-spaced lines alone', () => {
    const text = ['Usage: tolk x FILE', '       tolk x --jsonl', '', 'Some text  with a double space.', '  an indented line'].join('\n')
    expect(formatHelp(text)).toBe(text)
  })
})
