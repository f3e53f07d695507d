import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { alignSentences, type Sentence } from '../../src/bitext/align-sentences.js'
import { anchorsOf } from '../../src/bitext/anchors.js'
import { readGold } from '../../src/bitext/gold.js'
import type { Bead } from '../../src/bitext/types.js'

const s = (...texts: string[]): Sentence[] => texts.map((text) => ({ text, block: 0 }))
const shape = (beads: Bead[]) => beads.map((b) => `${b.kind}:${b.source.join('+')}>${b.target.join('+')}`)

describe('sentence alignment (Gale–Church with anchors)', () => {
  it('pairs sentences of like length one to one, sure of each', () => {
    const beads = alignSentences(
      s('The council met on Tuesday.', 'It approved the budget after a long debate.', 'The mayor was pleased.'),
      s('Fullmäktige sammanträdde i tisdags.', 'Det godkände budgeten efter en lång debatt.', 'Borgmästaren var nöjd.'),
    )
    expect(shape(beads)).toEqual(['1-1:0>0', '1-1:1>1', '1-1:2>2'])
    for (const b of beads) expect(b.confidence).toBeGreaterThan(0.5)
  })

  it('finds a merge: two source sentences in one translated sentence (2–1)', () => {
    const beads = alignSentences(
      s('The harbour will grow.', 'Opponents worry about the traffic.', 'They also fear for the wetlands south of the port.', 'The vote was close.'),
      s('Hamnen ska växa.', 'Motståndarna oroar sig för trafiken och för våtmarkerna söder om hamnen.', 'Omröstningen var jämn.'),
    )
    expect(shape(beads)).toEqual(['1-1:0>0', '2-1:1+2>1', '1-1:3>2'])
  })

  it('finds a split: one source sentence in two translated sentences (1–2)', () => {
    const beads = alignSentences(
      s(
        'The storm hit the coast.',
        'Trains between Stockholm and Sundsvall were cancelled after trees fell onto the tracks, and the agency could not say when traffic would be back.',
        'Roads were closed.',
      ),
      s(
        'Stormen slog mot kusten.',
        'Tågen mellan Stockholm och Sundsvall ställdes in sedan träd fallit över spåren.',
        'Myndigheten kunde inte säga när trafiken skulle vara normal igen.',
        'Vägar stängdes av.',
      ),
    )
    expect(shape(beads)).toEqual(['1-1:0>0', '1-2:1>1+2', '1-1:2>3'])
  })

  it('leaves a sentence the translation dropped (1–0) or added (0–1) unpaired', () => {
    const dropped = alignSentences(
      s(
        'The old bridge over the river was closed to all traffic on Friday after inspectors found deep cracks in two pillars.',
        'The festival organisers said that tickets are sold through the website only.',
        'Cars now have to take a long detour through the industrial area in the north of the town, which adds twenty minutes.',
      ),
      s(
        'Den gamla bron över älven stängdes för all trafik i fredags sedan inspektörer hittat djupa sprickor i två pelare.',
        'Bilisterna måste nu ta en lång omväg genom industriområdet i norra delen av staden, vilket tar tjugo minuter extra.',
      ),
    )
    expect(shape(dropped)).toEqual(['1-1:0>0', '1-0:1>', '1-1:2>1'])
    const added = alignSentences(
      s(
        'The Transport Administration closed the old bridge over the river to all traffic on Friday after an inspection.',
        'Cars now have to take a long detour through the industrial area in the north of the town, which adds twenty minutes.',
      ),
      s(
        'Trafikverket stängde den gamla bron över älven för all trafik i fredags efter en besiktning av dess pelare.',
        'Trafikverket är myndigheten som ansvarar för vägar och järnvägar.',
        'Bilisterna måste nu ta en lång omväg genom industriområdet i norra delen av staden, vilket tar tjugo minuter extra.',
      ),
    )
    expect(shape(added)).toEqual(['1-1:0>0', '0-1:>1', '1-1:1>2'])
  })

  it('pairs an empty side as all 1–0 or all 0–1', () => {
    expect(shape(alignSentences(s('A.', 'B.'), []))).toEqual(['1-0:0>', '1-0:1>'])
    expect(shape(alignSentences([], s('A.')))).toEqual(['0-1:>0'])
  })

  it('anchors settle what lengths alone cannot: numbers pick the partner of a sentence when its twin was dropped', () => {
    // Two source sentences of the same length; the translation keeps one. Lengths cannot tell
    // which one; the numbers can.
    const source = s(
      'The harbour in the north of the town was built more than a century ago by the old timber company.',
      'In 2019, when the timber trade was still strong, the port handled 4,200 ships.',
      'In 2023, after the timber trade had collapsed, the port handled 3,100 ships.',
      'Traffic has been falling for years, and the harbour board now wants to turn the old quays into housing.',
    )
    const target = s(
      'Hamnen i norra delen av staden byggdes för mer än hundra år sedan av det gamla timmerbolaget.',
      'År 2023, sedan timmerhandeln hade rasat, tog hamnen emot 3 100 fartyg.',
      'Trafiken har minskat i flera år, och hamnstyrelsen vill nu göra om de gamla kajerna till bostäder.',
    )
    const withAnchors = alignSentences(source, target)
    expect(shape(withAnchors)).toEqual(['1-1:0>0', '1-0:1>', '1-1:2>1', '1-1:3>2'])
    // Without anchors the sentence is paired with either twin about as well, so whichever pair
    // is chosen is less sure.
    const plain = alignSentences(source, target, { anchors: false })
    const chosen = plain.find((b) => b.target.length === 1 && b.target[0] === 1)!
    expect(chosen.confidence).toBeLessThan(withAnchors.find((b) => b.target[0] === 1)!.confidence)
  })

  it('reads numbers across formats, names past the first word, kept punctuation and inline codes as anchors', () => {
    const en = anchorsOf('Costs rose to $3.5 billion, said Maria Lindqvist: ⟦1⟧why⟦/1⟧?')
    const sv = anchorsOf('Kostnaderna steg till 3,5 miljarder dollar, sade Maria Lindqvist: ⟦1⟧varför⟦/1⟧?')
    for (const key of ['number:3', 'number:5', 'name:maria', 'name:lindq', 'punct::', 'punct:?', 'code:⟦1⟧', 'code:⟦/1⟧']) {
      expect(en.get(key), key).toBe(1)
      expect(sv.get(key), key).toBe(1)
    }
    expect(en.has('name:costs')).toBe(false)
    expect(anchorsOf('1,200 and 1 200').get('number:200')).toBe(2)
  })

  it('keeps a merge inside one paragraph', () => {
    const source: Sentence[] = [
      { text: 'Prices rose sharply this year.', block: 0 },
      { text: 'Rents went up too.', block: 1 },
    ]
    const target: Sentence[] = [
      { text: 'Priserna steg kraftigt i år och hyrorna gick också upp.', block: 0 },
      { text: 'Hyror.', block: 1 },
    ]
    expect(shape(alignSentences(source, target))).toEqual(['1-1:0>0', '1-1:1>1'])
  })

  it('aligns every gold document into well-formed beads: in order, each sentence once, confidences 0–1', () => {
    const dir = path.join(import.meta.dirname, 'gold')
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      for (const pair of readGold(fs.readFileSync(path.join(dir, f), 'utf8'))) {
        for (const beads of [alignSentences(pair.source, pair.target), pair.beads]) {
          expect(beads.flatMap((b) => b.source), pair.name).toEqual(pair.source.map((_, i) => i))
          expect(beads.flatMap((b) => b.target), pair.name).toEqual(pair.target.map((_, i) => i))
          for (const b of beads) {
            expect(b.kind).toBe(`${b.source.length}-${b.target.length}`)
            expect(b.confidence).toBeGreaterThanOrEqual(0)
            expect(b.confidence).toBeLessThanOrEqual(1)
          }
        }
      }
    }
  })

  it('the gold set holds what the issue asks: 300 pairs or more, 30 merges and 30 splits or more', () => {
    const dir = path.join(import.meta.dirname, 'gold')
    const beads = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readGold(fs.readFileSync(path.join(dir, f), 'utf8')).flatMap((p) => p.beads))
    expect(beads.length).toBeGreaterThanOrEqual(300)
    expect(beads.filter((b) => b.kind === '2-1').length).toBeGreaterThanOrEqual(30)
    expect(beads.filter((b) => b.kind === '1-2').length).toBeGreaterThanOrEqual(30)
  })

  it('refuses a gold file line it does not know', () => {
    expect(() => readGold('§ x\nde: Hallo\n')).toThrow('line 2')
    expect(() => readGold('en: no header\n')).toThrow('line 1')
  })
})
