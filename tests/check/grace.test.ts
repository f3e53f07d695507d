import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check, writeTree } from './tree.js'

// The baseline's firstSeen dates and --grace-days (issue 22): adding one source key no longer
// fails every language at once; a key without a date gets no grace; old baselines still work.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

describe('--update-baseline and --grace-days', () => {
  it('dates every source key, and lets a new one count only after its grace period', () => {
    const root = writeTree({ 'en/app.json': { a: 'A', b: { c: 'C' } }, 'de/app.json': { a: 'A', b: { c: 'C' } } })
    const base = join(root, 'base.json')
    // The first baseline dates every key today and grants none of them grace.
    expect(check(root, '--baseline', base, '--update-baseline', '--grace-days', '7').status).toBe(0)
    const first = JSON.parse(readFileSync(base, 'utf8')) as { firstSeen: Record<string, string>; passed: boolean }
    expect(first.firstSeen).toEqual({ a: day(0), 'b.c': day(0) })
    // Say it was written a month ago.
    first.firstSeen = { a: day(-30), 'b.c': day(-30) }
    writeFileSync(base, JSON.stringify(first))

    // A new source key: without a date it counts at once (the pull request that adds it).
    writeFileSync(join(root, 'locales/en/app.json'), JSON.stringify({ a: 'A', b: { c: 'C' }, items_one: 'one item', items_other: 'items' }))
    expect(check(root, '--baseline', base, '--grace-days', '7').status).toBe(1)
    // The main branch's run dates it today: in grace, it fails nothing, there or in the next runs.
    expect(check(root, '--baseline', base, '--update-baseline', '--grace-days', '7').status).toBe(0)
    const second = JSON.parse(readFileSync(base, 'utf8')) as { firstSeen: Record<string, string> }
    expect(second.firstSeen).toEqual({ a: day(-30), 'b.c': day(-30), items_one: day(0), items_other: day(0) })
    expect(check(root, '--baseline', base, '--grace-days', '7').status).toBe(0)
    // Ten days on, the grace is over and the key counts.
    second.firstSeen.items_one = second.firstSeen.items_other = day(-10)
    writeFileSync(base, JSON.stringify(second))
    const late = check(root, '--baseline', base, '--grace-days', '7')
    expect(late.status).toBe(1)
    expect(late.stdout).toMatch(/de .*newly untranslated/)
  })

  it('needs a baseline file to update', () => {
    const r = check(writeTree({ 'en/a.json': { a: 'A' }, 'de/a.json': { a: 'A' } }), '--update-baseline')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--update-baseline needs --baseline FILE/)
  })
})
