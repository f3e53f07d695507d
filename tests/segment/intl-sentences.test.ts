import { describe, expect, it } from 'vitest'
import { WINDOW } from '../../src/segment/intl-sentences.js'
import { segmentText } from '../../src/segment/segment-text.js'

function units(text: string, lang: string): string[] {
  return segmentText(text, lang).map((s) => text.slice(s.start, s.end))
}

describe('Intl.Segmenter fallback', () => {
  it('splits Japanese at its full stops', () => {
    expect(units('今日は雨です。明日は晴れです。', 'ja')).toEqual(['今日は雨です。', '明日は晴れです。'])
  })

  it('splits French, which has no rules of its own', () => {
    expect(units('Il pleut. Nous restons ici.', 'fr')).toEqual(['Il pleut.', 'Nous restons ici.'])
  })

  it('uses the root rules for und and for a tag Intl cannot read', () => {
    for (const lang of ['und', '']) expect(units('Il pleut. Nous restons.', lang)).toHaveLength(2)
  })

  it('still splits blocks first', () => {
    expect(segmentText('Заголовок\n\nОн пришёл. Она ушла.', 'ru').map((s) => s.block)).toEqual([0, 1, 1])
  })

  it('reads a hard wrap inside a block as a space', () => {
    expect(units('Il faisait froid \ncette nuit-là.', 'fr')).toEqual(['Il faisait froid \ncette nuit-là.'])
  })

  it('cuts a block longer than its window at a boundary and loses nothing', () => {
    const sentence = 'Он пришёл домой поздно вечером. '
    const text = sentence.repeat(Math.ceil((WINDOW * 3) / sentence.length)).trim()
    const got = units(text, 'ru')
    expect(got.every((u) => u === sentence.trim())).toBe(true)
    expect(got.join(' ')).toBe(text)
  })

  it('cuts a window without any boundary at its last space', () => {
    const text = 'слово '.repeat(WINDOW).trim()
    const spans = segmentText(text, 'ru')
    expect(spans.length).toBeGreaterThan(1)
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(WINDOW)
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text)
  })
})
