import { describe, expect, it } from 'vitest'
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

  it('gives every verb a --help', () => {
    const verbs = runCli(['--help']).stdout.match(/^ {2}([a-z][a-z-]*) /gm)?.map((l) => l.trim()) ?? []
    expect(verbs.length).toBeGreaterThan(1)
    for (const verb of verbs) {
      const r = runCli([verb, '--help'])
      expect(r.status, verb).toBe(0)
      expect(r.stdout, verb).toContain(`tolk ${verb}`)
    }
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
