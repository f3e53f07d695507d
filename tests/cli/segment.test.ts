import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { segmentText } from '../../src/segment/segment-text.js'
import { ROOT, runCli } from './run-cli.js'

const SEED = 'seeds/sv-general-01.txt'

describe('tolk segment', () => {
  it('prints the seed article one unit per line, headline first', () => {
    const r = runCli(['segment', '--lang', 'en', SEED])
    expect(r.status).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('The HTS summit: A year of planning behind the lightning offensive in Syria')
    expect(lines).toContain('Made own weapons and drones')
    expect(lines.some((l) => l.startsWith('– The fundamental problem was the lack of a unified leadership,'))).toBe(true)
  })

  it('warns that the seed reads as English while its tag says Swedish', () => {
    const r = runCli(['segment', SEED])
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/warning: the text reads as en but its tag declares sv/)
  })

  it('prints the full units as JSON that reassemble the article byte for byte', () => {
    const r = runCli(['segment', '--lang', 'en', '--json', SEED])
    expect(r.status).toBe(0)
    const units = JSON.parse(r.stdout) as { id: string; source: string; trailing: string; position: number; tag: string; articleId: string; words: number }[]
    const text = readFileSync(join(ROOT, SEED), 'utf8')
    expect(units.map((u) => u.source + u.trailing).join('')).toBe(text.trimStart())
    expect(units[0]).toMatchObject({ position: 1, tag: 'sv-general', articleId: 'sv-general-01' })
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length)
    expect(units.every((u) => u.words > 0)).toBe(true)
  })

  it('gives the same ids when the same text is segmented twice', () => {
    const a = runCli(['segment', '--lang', 'en', '--json', SEED]).stdout
    const b = runCli(['segment', '--lang', 'en', '--json', SEED]).stdout
    expect(a).toBe(b)
  })

  it('reads standard input and prints inner line breaks as spaces', () => {
    const r = runCli(['segment', '--lang', 'en'], { input: 'It was a long \nday. We slept.\n' })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('It was a long day.\nWe slept.\n')
  })

  it('prints nothing and exits 0 on empty input', () => {
    const r = runCli(['segment', '--lang', 'en'], { input: '' })
    expect(r).toMatchObject({ status: 0, stdout: '' })
  })

  it('refuses invalid UTF-8 with one line and exit 2', () => {
    const r = runCli(['segment', '--lang', 'en'], { input: Buffer.from([0x48, 0x69, 0xff, 0x2e]) })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/not valid UTF-8 \(at byte 2\)/)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('streams a long input window by window and prints what the whole text gives', () => {
    const seed = readFileSync(join(ROOT, SEED), 'utf8')
    const text = `${seed}\n\n`.repeat(80) + seed.replace(/\s+/g, ' ').repeat(40)
    const r = runCli(['segment', '--lang', 'en'], { input: text })
    expect(r.status).toBe(0)
    const expected = segmentText(text, 'en').map((u) => text.slice(u.start, u.end).replace(/\s*[\r\n]+\s*/g, ' '))
    expect(r.stdout).toBe(`${expected.join('\n')}\n`)
  })

  it('refuses invalid UTF-8 far into a long input with its byte offset', () => {
    const head = Buffer.from('It rained. '.repeat(100_000))
    const r = runCli(['segment', '--lang', 'en'], { input: Buffer.concat([head, Buffer.from([0xe2, 0x28, 0x41])]) })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(new RegExp(`not valid UTF-8 \\(at byte ${head.length}\\)`))
  })

  it('refuses an unknown language tag with exit 2', () => {
    const r = runCli(['segment', '--lang', 'xx'], { input: 'Hello.' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/unknown language tag "xx"/)
  })

  it('refuses a file that does not exist with exit 2', () => {
    const r = runCli(['segment', 'no/such/file.txt'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/cannot read no\/such\/file.txt: no such file/)
  })
})

describe('tolk segment --jsonl', () => {
  it('writes one JSON array of unit texts per input line', () => {
    const input = [
      JSON.stringify({ text: 'Hello there. How are you?', lang: 'en' }),
      JSON.stringify({ text: 'Hej. Det är kl. 14.30 nu.', lang: 'sv' }),
      JSON.stringify({ text: '' }),
    ].join('\n')
    const r = runCli(['segment', '--jsonl', '--lang', 'en'], { input })
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l))).toEqual([
      ['Hello there.', 'How are you?'],
      ['Hej.', 'Det är kl. 14.30 nu.'],
      [],
    ])
  })

  it('stops on a malformed line with its line number and exit 2', () => {
    const input = `${JSON.stringify({ text: 'Fine.' })}\n{"text": oops}\n`
    const r = runCli(['segment', '--jsonl', '--lang', 'en'], { input })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/line 2: not valid JSON/)
  })

  it('refuses a line whose lang is unknown, naming the line', () => {
    const r = runCli(['segment', '--jsonl'], { input: '{"text": "Hi.", "lang": "zz"}\n' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/line 1: unknown language tag "zz"/)
  })
})
