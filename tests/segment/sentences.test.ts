import { describe, expect, it } from 'vitest'
import { segmentText } from '../../src/segment/segment-text.js'

/** The units' texts, as a reader sees them. */
function units(text: string, lang: string): string[] {
  return segmentText(text, lang).map((s) => text.slice(s.start, s.end))
}

describe('English sentence rules', () => {
  const en = (text: string) => units(text, 'en')

  it('splits at a full stop, a question mark and an exclamation mark', () => {
    expect(en('The ferry left. Was anyone aboard? Nobody knows!')).toEqual([
      'The ferry left.',
      'Was anyone aboard?',
      'Nobody knows!',
    ])
  })

  it('keeps Mr., Dr. and St. inside the sentence', () => {
    expect(en('Mr. Lind met Dr. Okafor at St. Anne’s Hospital. They talked.')).toEqual([
      'Mr. Lind met Dr. Okafor at St. Anne’s Hospital.',
      'They talked.',
    ])
  })

  it('keeps e.g. and i.e. inside the sentence even before a capital', () => {
    expect(en('Some cities, e.g. Oslo, tax cars. The rest, i.e. Rome, do not.')).toEqual([
      'Some cities, e.g. Oslo, tax cars.',
      'The rest, i.e. Rome, do not.',
    ])
  })

  it('ends a sentence at U.S. when the next word opens one', () => {
    expect(en('She moved to the U.S. It was cold there.')).toEqual([
      'She moved to the U.S.',
      'It was cold there.',
    ])
  })

  it('keeps U.S. inside the sentence before a name or a noun', () => {
    expect(en('The U.S. Navy sent two ships to the U.S. Virgin Islands.')).toHaveLength(1)
    expect(en('Prices in the U.S. rose again.')).toHaveLength(1)
  })

  it('ends a sentence at etc. and Inc. before a capital, not before lower case', () => {
    // They usually stand last in a news sentence: any capital after them opens the next one
    // (tests/segment/final-abbreviations.test.ts has more cases).
    expect(en('They sell pens, paper etc. The shop opens at nine.')).toHaveLength(2)
    expect(en('He joined Acme Inc. Later he left.')).toEqual(['He joined Acme Inc.', 'Later he left.'])
    expect(en('He joined Acme Inc. in London in May.')).toHaveLength(1)
  })

  it('reads a.m. and p.m. as abbreviations', () => {
    expect(en('The train leaves at 7 a.m. and arrives at 3 p.m. on Sundays.')).toHaveLength(1)
    expect(en('The shop closes at 9 p.m. We left early.')).toEqual([
      'The shop closes at 9 p.m.',
      'We left early.',
    ])
  })

  it('keeps initials inside the sentence', () => {
    expect(en('The book was written by J. R. R. Tolkien in Oxford.')).toHaveLength(1)
    expect(en('Ask Maria K. Berg about it.')).toHaveLength(1)
  })

  it('ends a sentence at a single capital letter before a sentence starter', () => {
    expect(en('The winner was Plan B. It cost less.')).toEqual(['The winner was Plan B.', 'It cost less.'])
  })

  it('keeps decimal numbers, prices and times inside the sentence', () => {
    expect(en('Sales rose 3.5 percent to $12.75 million by 14.30 on Friday.')).toHaveLength(1)
  })

  it('ends a sentence after a number before a capital', () => {
    expect(en('Turnout was 61.2. Officials were pleased.')).toEqual([
      'Turnout was 61.2.',
      'Officials were pleased.',
    ])
  })

  it('keeps p. and No. before a number inside the sentence', () => {
    expect(en('See p. 12 and No. 4 in the report.')).toHaveLength(1)
  })

  it('keeps an abbreviated month before a year inside the sentence', () => {
    expect(en('The vote on 8 Dec. 2024 was close.')).toHaveLength(1)
  })

  it('treats ?! and !? as one end mark', () => {
    expect(en('You did what?! Tell me again!? I cannot believe it.')).toEqual([
      'You did what?!',
      'Tell me again!?',
      'I cannot believe it.',
    ])
  })

  it('keeps a closing quote or parenthesis with its sentence', () => {
    expect(en('He said, “We are ready.” Then he left. (Nobody saw him go.) Rain fell.')).toEqual([
      'He said, “We are ready.”',
      'Then he left.',
      '(Nobody saw him go.)',
      'Rain fell.',
    ])
  })

  it('does not split before a lower-case word after a quoted end mark', () => {
    expect(en('“Are you sure?” she asked. “Yes.” he said.')).toEqual([
      '“Are you sure?” she asked.',
      '“Yes.” he said.',
    ])
  })

  it('keeps an ellipsis followed by lower case inside the sentence', () => {
    expect(en('We waited … and waited... and then it rained.')).toHaveLength(1)
  })

  it('ends a sentence at an ellipsis followed by a capital', () => {
    expect(en('We waited... Nobody came.')).toEqual(['We waited...', 'Nobody came.'])
    expect(en('We waited … Nobody came.')).toEqual(['We waited …', 'Nobody came.'])
  })

  it('keeps an ellipsis before the pronoun I inside the sentence', () => {
    expect(en('Well … I suppose so.')).toHaveLength(1)
  })

  it('keeps an omission in brackets inside the sentence', () => {
    expect(en('“The plan […] Failed,” he wrote.')).toHaveLength(1)
  })

  it('keeps the dots of URLs and e-mail addresses inside the sentence', () => {
    expect(en('Mail anna.berg@news.example.org or see https://example.org/a.b.html. We reply fast.'))
      .toEqual(['Mail anna.berg@news.example.org or see https://example.org/a.b.html.', 'We reply fast.'])
  })

  it('splits sentences glued together without a space', () => {
    expect(en('It rained all day.Then the sun came out.')).toEqual([
      'It rained all day.',
      'Then the sun came out.',
    ])
  })

  it('starts a new unit at each inline list marker', () => {
    expect(en('1. Buy milk 2. Pay rent 3. Call home')).toEqual(['1. Buy milk', '2. Pay rent', '3. Call home'])
    expect(en('1) Pack. 2) Drive.')).toEqual(['1) Pack.', '2) Drive.'])
    expect(en('a. Red apples b. Green pears')).toEqual(['a. Red apples', 'b. Green pears'])
    expect(en('• Bread • Cheese • Wine')).toEqual(['• Bread', '• Cheese', '• Wine'])
  })

  it('starts a list after a colon', () => {
    expect(en('Bring two things: 1. a map 2. a torch')).toEqual([
      'Bring two things:',
      '1. a map',
      '2. a torch',
    ])
  })

  it('keeps an en-dash quote inside its unit', () => {
    expect(en('The mayor spoke. – We will rebuild the bridge, she said.')).toEqual([
      'The mayor spoke.',
      '– We will rebuild the bridge, she said.',
    ])
  })

  it('chooses the rules by the base language of a regional tag', () => {
    expect(units('Mr. Lind left.', 'en-GB')).toEqual(['Mr. Lind left.'])
  })
})

describe('Swedish sentence rules', () => {
  const sv = (text: string) => units(text, 'sv')

  it('splits at a full stop, a question mark and an exclamation mark', () => {
    expect(sv('Färjan gick. Var någon ombord? Ingen vet!')).toEqual([
      'Färjan gick.',
      'Var någon ombord?',
      'Ingen vet!',
    ])
  })

  it('keeps t.ex., bl.a., s.k. and dvs. inside the sentence', () => {
    expect(sv('Flera städer, t.ex. Malmö, bl.a. Lund och s.k. Kommunerna, dvs. Staten, betalar.'))
      .toHaveLength(1)
  })

  it('keeps f.d. and ca inside the sentence', () => {
    expect(sv('Den f.d. Ministern fick ca. 20 röster.')).toHaveLength(1)
  })

  it('keeps kl. and a time inside the sentence', () => {
    expect(sv('Mötet börjar kl. 14.30 i Stockholm. Alla är välkomna.')).toEqual([
      'Mötet börjar kl. 14.30 i Stockholm.',
      'Alla är välkomna.',
    ])
  })

  it('keeps a date with an abbreviated month inside the sentence', () => {
    expect(sv('Valet hölls den 8 dec. 2024 i hela landet.')).toHaveLength(1)
  })

  it('ends a sentence at an abbreviated month before a sentence starter', () => {
    expect(sv('Ansökan ska vara inne senast 31 jan. Det går inte att förlänga.')).toEqual([
      'Ansökan ska vara inne senast 31 jan.',
      'Det går inte att förlänga.',
    ])
  })

  it('ends a sentence at m.m. and osv. before a sentence starter', () => {
    expect(sv('De sålde bröd, mjölk m.m. Alla var nöjda.')).toHaveLength(2)
    expect(sv('Vi åt, drack osv. Sedan gick vi hem.')).toEqual(['Vi åt, drack osv.', 'Sedan gick vi hem.'])
  })

  it('keeps m.fl. inside the sentence before lower case', () => {
    expect(sv('Anna, Erik m.fl. var där.')).toHaveLength(1)
  })

  it('keeps resp. inside the sentence before lower case', () => {
    expect(sv('De fick 10 resp. 12 procent av rösterna.')).toHaveLength(1)
  })

  it('keeps initials inside the sentence', () => {
    expect(sv('Boken skrevs av A. E. Nordström i Uppsala.')).toHaveLength(1)
  })

  it('keeps decimal numbers inside the sentence', () => {
    expect(sv('Räntan steg till 3,5 procent och 2.75 miljoner lån. Banken teg.')).toHaveLength(2)
  })

  it('keeps an en-dash quote inside its unit', () => {
    expect(sv('Han var nöjd. – Vi hade en plan, säger han. – Den höll.')).toEqual([
      'Han var nöjd.',
      '– Vi hade en plan, säger han.',
      '– Den höll.',
    ])
  })

  it('keeps a closing quote with its sentence', () => {
    expect(sv('Hon sa: ”Vi är klara.” Sedan gick hon.')).toEqual([
      'Hon sa: ”Vi är klara.”',
      'Sedan gick hon.',
    ])
  })

  it('treats an ellipsis by the case of the next word', () => {
    expect(sv('Vi väntade … och väntade.')).toHaveLength(1)
    expect(sv('Vi väntade … Ingen kom.')).toEqual(['Vi väntade …', 'Ingen kom.'])
  })

  it('ends a sentence at an ellipsis before I, which is a preposition in Swedish', () => {
    expect(sv('Vi väntade … I Stockholm regnade det.')).toEqual([
      'Vi väntade …',
      'I Stockholm regnade det.',
    ])
  })

  it('ends a sentence at an ordinary word that looks like a title', () => {
    expect(sv('Han träffade sin fru. Hon var glad.')).toHaveLength(2)
  })

  it('treats ?! as one end mark', () => {
    expect(sv('Gjorde du vad?! Berätta igen.')).toEqual(['Gjorde du vad?!', 'Berätta igen.'])
  })

  it('keeps e-mail addresses and URLs inside the sentence', () => {
    expect(sv('Skriv till red.aktion@svt.example.se eller www.svt.example.se. Vi svarar.')).toEqual([
      'Skriv till red.aktion@svt.example.se eller www.svt.example.se.',
      'Vi svarar.',
    ])
  })

  it('starts a new unit at each inline list marker', () => {
    expect(sv('1. Köp mjölk 2. Betala hyran')).toEqual(['1. Köp mjölk', '2. Betala hyran'])
    expect(sv('a) Äpplen b) Päron')).toEqual(['a) Äpplen', 'b) Päron'])
  })

  it('chooses the rules by the base language of a regional tag', () => {
    expect(units('Vi åt t.ex. Sill.', 'sv-SE')).toEqual(['Vi åt t.ex. Sill.'])
  })
})

describe('German and Danish rules', () => {
  it('keeps an ordinal date inside a German sentence', () => {
    expect(units('Die Wahl ist am 3. Oktober in Berlin. Dann wird gezählt.', 'de')).toEqual([
      'Die Wahl ist am 3. Oktober in Berlin.',
      'Dann wird gezählt.',
    ])
  })

  it('keeps z. B. inside a German sentence', () => {
    expect(units('Manche Städte, z. B. Bonn, sind klein.', 'de')).toHaveLength(1)
  })

  it('keeps f.eks. inside a Danish sentence', () => {
    expect(units('Nogle byer, f.eks. Odense, er små. De vokser.', 'da')).toHaveLength(2)
  })
})
