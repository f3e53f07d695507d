// The second news-like corpus for bench/segment-speed.mjs, unlike the first (corpus.mjs) on
// purpose: long paragraphs (8–20 sentences), many quotations (“…” with several sentences inside,
// en-dash quotes opening and inside paragraphs), numbers (12,500, 3.4 percent, $1.2 billion,
// No. 5, p. 12), dates (31 Jan., Jan. 31, 2024, 3 Oct.), abbreviations that end sentences or do
// not (etc., Inc., Ltd., Jr., Dr., e.g., U.K., a.m.), and paragraphs either hard-wrapped at 72
// columns or on one line, half and half. Seeded, so the same bytes every time.
import { randomTools } from './prng.mjs'
import { ADJ, BODY, CITY, CLAUSE, COMPANY, FIRST, LAST, MONTH, NOUN, QUOTE, REASON, ROLE, TITLE, VERB_PAST, WEEKDAY } from './news-vocabulary.mjs'

const SUFFIXED = ['Harbor Freight Inc.', 'Nordic Steel Ltd.', 'Atlas Mining Corp.', 'Kestrel Foods Inc.', 'Bluewater Shipping Ltd.']
const JUNIOR = ['Robert Hale Jr.', 'Samuel Ortiz Jr.', 'Henry Clarke Sr.', 'Paul Mensah Jr.']
const LIST = ['schools, hospitals, roads etc.', 'fuel, food, rent etc.', 'wages, pensions, fees etc.']
const SAID = ['said', 'added', 'told reporters', 'wrote in a letter', 'said on Twitter']

/** A generator of long-paragraph articles bound to a seed; each call returns the next article. */
export function longArticleMaker(seed) {
  const { int, pick, chance } = randomTools(seed)
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1)
  const person = () => (chance(0.25) ? `${pick(TITLE)} ${pick(LAST)}` : chance(0.2) ? pick(JUNIOR) : `${pick(FIRST)} ${pick(LAST)}`)
  const thousands = () => `${int(1, 999)},${String(int(0, 999)).padStart(3, '0')}`
  const money = () => pick([`$${int(1, 9)}.${int(1, 9)} billion`, `€${int(10, 900)} million`, `${thousands()} kronor`, `£${int(1, 99)}.${int(10, 99)}`])
  const date = () => pick([`${int(1, 31)} ${pick(MONTH)}`, `${pick(MONTH)} ${int(1, 31)}, ${int(2019, 2025)}`, `${pick(WEEKDAY)}, ${int(1, 31)} ${pick(MONTH)}`])
  const quote = () => cap(pick(QUOTE))

  // Sentences, each with its own end mark; some end on an abbreviation that ends the sentence.
  const sentences = [
    () => `“${quote()}. ${quote()}?” ${pick(SAID)} ${person()}.`,
    () => `“${quote()},” ${pick(SAID)} ${person()}, the ${pick(ROLE)}.`,
    () => `${person()} put it plainly: “${quote()}.”`,
    () => `– ${quote()}, says ${person()}.`,
    () => `The deal was signed by ${pick(SUFFIXED)} ${cap(pick(CLAUSE))} soon after.`,
    () => `The contract went to ${pick(SUFFIXED)}`,
    () => `The motion was tabled by ${pick(JUNIOR)}`,
    () => `The money goes to ${pick(LIST)}`,
    () => `The vote was held on ${int(1, 28)} ${pick(['Jan.', 'Feb.', 'Oct.', 'Nov.', 'Dec.'])}`,
    () => `${cap(pick(BODY))} ${pick(VERB_PAST)} the ${pick(ADJ)} ${pick(NOUN)} on ${date()}, citing ${pick(REASON)}.`,
    () => `Spending rose ${int(1, 40)}.${int(1, 9)} percent to ${money()}, or ${thousands()} per household.`,
    () => `The figures (see No. ${int(1, 40)}, p. ${int(2, 300)}) cover ${int(12, 96)} months up to ${date()}.`,
    () => `${pick(['Dr.', 'Prof.', 'Mr.', 'Ms.'])} ${pick(LAST)} of the U.K. Treasury met ${person()} at ${int(7, 11)} a.m. in ${pick(CITY)}.`,
    () => `Some regions, e.g. ${pick(CITY)} and ${pick(CITY)}, saw ${int(2, 9)}.${int(1, 9)} times the usual demand.`,
    () => `Was it worth ${money()}? ${cap(pick(CLAUSE))}, and ${pick(CLAUSE)}.`,
    () => `${cap(pick(CLAUSE))} in ${pick(CITY)} while ${pick(CLAUSE)}.`,
    () => `By ${int(14, 23)}.${pick(['00', '15', '30', '45'])} on ${pick(WEEKDAY)} ${pick(CLAUSE)}… ${cap(pick(CLAUSE))}!`,
  ]
  // A template without an end mark (the abbreviation brings its own) gets none added.
  const sentence = () => {
    const s = pick(sentences)()
    return /[.!?”]$/.test(s) ? s : `${s}.`
  }
  const paragraph = () => {
    const n = int(8, 20)
    const out = chance(0.3) ? [`– ${quote()}, says ${person()}, the ${pick(ROLE)}.`] : []
    while (out.length < n) out.push(sentence())
    const text = out.join(' ').replace(/\.\./g, '.')
    return chance(0.5) ? text : wrap(text, 72)
  }

  return function article() {
    const head = `${pick(COMPANY).replace(/ (Inc|Corp|Ltd|Co)\.$/, '')} and the ${cap(pick(NOUN))}`
    const blocks = [`${head}\nBy ${pick(FIRST)} ${pick(LAST)}, ${pick(CITY)}, ${date()}`]
    const n = int(3, 7)
    for (let i = 0; i < n; i++) blocks.push(paragraph())
    return blocks.join('\n\n')
  }
}

/** Break `text` at spaces into lines of at most `width` characters (a hard wrap). */
function wrap(text, width) {
  const lines = []
  let start = 0
  while (text.length - start > width) {
    let cut = text.lastIndexOf(' ', start + width)
    if (cut <= start) cut = text.indexOf(' ', start + width)
    if (cut < 0) break
    lines.push(text.slice(start, cut))
    start = cut + 1
  }
  lines.push(text.slice(start))
  return lines.join('\n')
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const article = longArticleMaker(20261203)
  for (let i = 0; i < Number(process.argv[2] ?? 2); i++) process.stdout.write(`${article()}\n\n`)
}
