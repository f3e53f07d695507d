import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REGENERATE, referenceSections, renderReference, sectionsOf } from '../../src/cli/reference.js'
import { VERBS } from '../../src/cli/verbs.js'
import { ROOT } from './run-cli.js'

/** The sections whose text differs between two pages, by title (missing ones included). */
function drifted(want: string, have: string): string[] {
  const a = sectionsOf(want)
  const b = sectionsOf(have)
  return [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t))
}

describe('docs/cli.md', () => {
  it('is what the verbs print for --help now', async () => {
    const page = renderReference(await referenceSections())
    const file = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8')
    const stale = drifted(page, file)
    expect(stale, `docs/cli.md is out of date for ${stale.join(', ')}: run ${REGENERATE}`).toEqual([])
    expect(file === page, `docs/cli.md differs from the generated page outside the verbs' sections: run ${REGENERATE}`).toBe(true)
  })

  it('has a section for every verb of the registry, with the help the CLI prints', async () => {
    const sections = await referenceSections()
    expect(sections.map((s) => s.title)).toEqual(['tolk', ...Object.keys(VERBS).map((v) => `tolk ${v}`)])
    const serve = sectionsOf(renderReference(sections)).get('tolk serve') ?? ''
    expect(serve).toContain('Usage: tolk serve')
  })

  it('names the verb that drifted', () => {
    const page = renderReference([{ title: 'tolk', help: 'Usage: tolk' }, { title: 'tolk serve', help: 'old' }])
    const edited = renderReference([{ title: 'tolk', help: 'Usage: tolk' }, { title: 'tolk serve', help: 'new' }, { title: 'tolk archive', help: 'x' }])
    expect(drifted(edited, page)).toEqual(['tolk serve', 'tolk archive'])
  })

  it('fences help that holds backticks so the code block stays whole', () => {
    const page = renderReference([{ title: 'tolk x', help: 'run ```this``` or `that`' }])
    expect(page).toContain('````text\nrun ```this``` or `that`\n````')
  })
})
