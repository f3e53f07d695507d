import { describe, expect, it } from 'vitest'
import { helpOf } from '../../src/cli/main.js'
import { VERBS } from '../../src/cli/verbs.js'
import { runCli } from './run-cli.js'

describe('tolk', () => {
  it('prints its version', () => {
    const r = runCli(['--version'])
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('lists the verbs with --help', () => {
    const r = runCli(['--help'])
    expect(r.status).toBe(0)
    for (const verb of ['serve', 'segment']) expect(r.stdout).toContain(verb)
  })

  it('gives every verb a --help', async () => {
    const verbs = runCli(['--help']).stdout.match(/^ {2}([a-z][a-z-]*) /gm)?.map((l) => l.trim()) ?? []
    expect(verbs).toEqual(Object.keys(VERBS))
    // One verb through the real command; the others in this process, as the command prints them.
    const r = runCli(['segment', '--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`${await helpOf('segment')}\n`)
    for (const verb of verbs) expect(await helpOf(verb), verb).toContain(`tolk ${verb}`)
  })

  it('refuses an unknown verb with exit 2 and one line', () => {
    const r = runCli(['frobnicate'])
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('refuses an unknown option with exit 2', () => {
    const r = runCli(['segment', '--frob'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--frob/)
  })
})
