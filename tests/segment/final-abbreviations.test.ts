import { describe, expect, it } from 'vitest'
import { segmentText } from '../../src/segment/segment-text.js'

/** The units' texts, as a reader sees them. */
function units(text: string, lang: string): string[] {
  return segmentText(text, lang).map((s) => text.slice(s.start, s.end))
}

// Each case: the text, then the units it must give. Abbreviations that usually end a sentence in
// news text (etc., osv., Inc., a month after a day number) end it before any capitalised word;
// titles, `t.ex.`, `e.g.`, initials and numbered references never do.
const SPLIT: [string, string, string[]][] = [
  ['sv', 'De sålde bröd, mjölk m.m. Regeringen lovade mer.', ['De sålde bröd, mjölk m.m.', 'Regeringen lovade mer.']],
  ['sv', 'Där fanns Volvo, Saab m.fl. Företagen vill ha stöd.', ['Där fanns Volvo, Saab m.fl.', 'Företagen vill ha stöd.']],
  ['sv', 'Vi åt, drack osv. Polisen kom vid midnatt.', ['Vi åt, drack osv.', 'Polisen kom vid midnatt.']],
  ['sv', 'Skatter, avgifter o.s.v. Ökningen blev stor.', ['Skatter, avgifter o.s.v.', 'Ökningen blev stor.']],
  ['sv', 'Hyror, el etc. Kommunen betalar inget.', ['Hyror, el etc.', 'Kommunen betalar inget.']],
  ['sv', 'Beslutet kom den 31 jan. Sedan dröjde det.', ['Beslutet kom den 31 jan.', 'Sedan dröjde det.']],
  ['sv', 'Mötet hölls den 3 okt. Styrelsen avgick.', ['Mötet hölls den 3 okt.', 'Styrelsen avgick.']],
  ['sv', 'Skatter, avgifter m.m. Åtgärderna gäller från i år.', ['Skatter, avgifter m.m.', 'Åtgärderna gäller från i år.']],
  ['sv', 'Det gäller bilar, båtar etc. ”Vi är nöjda”, sade hon.', ['Det gäller bilar, båtar etc.', '”Vi är nöjda”, sade hon.']],
  ['en', 'They sell pens, paper etc. Shoppers queued all day.', ['They sell pens, paper etc.', 'Shoppers queued all day.']],
  ['en', 'The deal was signed by Acme Inc. Shares rose 4 percent.', ['The deal was signed by Acme Inc.', 'Shares rose 4 percent.']],
  ['en', 'The buyer is Norfolk Holdings Ltd. Analysts expect a bid.', ['The buyer is Norfolk Holdings Ltd.', 'Analysts expect a bid.']],
  ['en', 'The speech was by Martin Luther King Jr. Crowds filled the mall.', ['The speech was by Martin Luther King Jr.', 'Crowds filled the mall.']],
  ['en', 'The vote was held on 31 Jan. Parliament rose early.', ['The vote was held on 31 Jan.', 'Parliament rose early.']],
  ['en', 'Tools, nails, etc. “We sold out,” he said.', ['Tools, nails, etc.', '“We sold out,” he said.']],
]

const KEEP: [string, string][] = [
  ['en', 'Dr. Smith met Mr. Jones in the lobby.'],
  ['en', 'Some cities, e.g. Oslo, tax cars; others, i.e. Rome, do not.'],
  ['en', 'The book was written by J. R. R. Tolkien in Oxford.'],
  ['en', 'See p. 55 and Fig. 3 for the figures.'],
  ['en', 'They sell pens, paper etc. and also ink.'],
  ['en', 'Acme Inc. and Norfolk Ltd. merged in 2019.'],
  ['en', 'The vote on Jan. 31 was close.'],
  ['en', 'Prices rose in Jan. and Feb. across the board.'],
  ['sv', 'Många städer, t.ex. Stockholm, har trängselskatt.'],
  ['sv', 'Vi träffade dr. Lind och prof. Berg i Lund.'],
  ['sv', 'Boken skrevs av J. R. R. Tolkien i Oxford.'],
  ['sv', 'De sålde bröd, mjölk m.m. och alla var nöjda.'],
  ['sv', 'Valet hölls den 8 dec. 2024 i hela landet.'],
  ['sv', 'Mötet börjar kl. 14.30 i sal 3.'],
  ['sv', 'Matcherna den 3 jan. och den 5 jan. ställdes in.'],
]

describe('abbreviations that end a sentence in news text', () => {
  it.each(SPLIT)('%s: %s', (lang, text, expected) => {
    expect(units(text, lang)).toEqual(expected)
  })

  it.each(KEEP)('%s keeps one sentence: %s', (lang, text) => {
    expect(units(text, lang)).toEqual([text])
  })

  it('keeps a month abbreviation with no day number before it to a sentence starter', () => {
    // Without a day number `jan.` may be part of a longer date phrase: only a starter ends it.
    expect(units('Från jan. Lön betalas ut senare.', 'sv')).toHaveLength(1)
    expect(units('Från jan. Det blir dyrare.', 'sv')).toHaveLength(2)
  })
})
