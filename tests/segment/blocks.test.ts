import { describe, expect, it } from 'vitest'
import { segmentText } from '../../src/segment/segment-text.js'

/** Each unit as `[block, kind, text]`. */
function view(text: string, lang = 'en'): [number, string, string][] {
  return segmentText(text, lang).map((s) => [s.block, s.kind, text.slice(s.start, s.end)])
}

describe('blocks', () => {
  it('gives no units for empty or white-space-only input', () => {
    expect(segmentText('', 'en')).toEqual([])
    expect(segmentText(' \n\t\r\n\u00a0\u2029 ', 'sv')).toEqual([])
  })

  it('always splits at a blank line', () => {
    expect(view('It was the first part\n\nof it.')).toEqual([
      [0, 'paragraph', 'It was the first part'],
      [1, 'paragraph', 'of it.'],
    ])
  })

  it('makes a headline followed by a single line break a heading of its own', () => {
    expect(view('Storm hits the coast\nThe storm arrived at dawn. Roads closed.')).toEqual([
      [0, 'heading', 'Storm hits the coast'],
      [1, 'paragraph', 'The storm arrived at dawn.'],
      [1, 'paragraph', 'Roads closed.'],
    ])
  })

  it('makes a byline its own unit', () => {
    const units = view('Fire in the harbour\nBy Anna Berg\nThe fire started at noon.')
    expect(units.map((u) => u[2])).toEqual([
      'Fire in the harbour',
      'By Anna Berg',
      'The fire started at noon.',
    ])
  })

  it('joins a hard-wrapped line that continues in lower case after a trailing space', () => {
    expect(view('The rain kept falling on the \nold town all night.')).toEqual([
      [0, 'paragraph', 'The rain kept falling on the \nold town all night.'],
    ])
  })

  it('joins a long wrapped line that continues in lower case', () => {
    const text =
      'The committee met for the third time this week to discuss the budget for\nnext year.'
    expect(view(text)).toHaveLength(1)
  })

  it('joins a hard-wrapped line whose next line starts with a capital or a digit', () => {
    const text =
      'The minister said the plan would be presented to parliament when it had been\nagreed by the U.K. Treasury and by Chancellor Jeremy Hunt, who was quoted as having\nsaid John Johnson was right and that 2024 would be a better year for the whole\n2,000-strong team.'
    expect(view(text)).toEqual([[0, 'paragraph', text]])
  })

  it('still ends a unit at a line break where a sentence ends, and only there', () => {
    const text =
      'The minister said the plan would be presented to parliament next week, as agreed.\nThe opposition called the timetable far too short for a plan of this size and\nScope, she said.'
    expect(view(text).map((u) => u[2])).toEqual([
      'The minister said the plan would be presented to parliament next week, as agreed.',
      'The opposition called the timetable far too short for a plan of this size and\nScope, she said.',
    ])
  })

  it('keeps short lower-case lines apart', () => {
    expect(view('bread\nmilk and eggs\ncheese, butter\n').map((u) => u[2])).toEqual([
      'bread',
      'milk and eggs',
      'cheese, butter',
    ])
  })

  it('makes Markdown headings, list items and quotes units of their own', () => {
    expect(view('# Budget news\n- more schools\n- fewer roads\n1. first step\n> We are ready, she said.')).toEqual([
      [0, 'heading', '# Budget news'],
      [1, 'list-item', '- more schools'],
      [2, 'list-item', '- fewer roads'],
      [3, 'list-item', '1. first step'],
      [4, 'quote', '> We are ready, she said.'],
    ])
  })

  it('makes a line that starts with a bullet a list item', () => {
    expect(view('Bring these:\n• a map\n• a torch')).toEqual([
      [0, 'paragraph', 'Bring these:'],
      [1, 'list-item', '• a map'],
      [2, 'list-item', '• a torch'],
    ])
  })

  it('keeps a heading whole even when it holds a full stop', () => {
    expect(view('# Mr. Lind goes home. Again\n\nText.')[0]).toEqual([0, 'heading', '# Mr. Lind goes home. Again'])
  })

  it('splits sentences inside a list item', () => {
    expect(view('- Pack the car. Then drive.').map((u) => u[2])).toEqual(['- Pack the car.', 'Then drive.'])
  })

  it('handles CRLF line ends', () => {
    expect(view('Title here\r\n\r\nIt was a cold \r\nnight.\r\n')).toEqual([
      [0, 'heading', 'Title here'],
      [1, 'paragraph', 'It was a cold \r\nnight.'],
    ])
  })

  it('does not take a last line without an end mark for a heading', () => {
    expect(view('It rained.\nReuters')).toEqual([
      [0, 'paragraph', 'It rained.'],
      [1, 'paragraph', 'Reuters'],
    ])
  })

  it('gives Swedish news text one unit per headline line', () => {
    expect(view('Regeringen sänker skatten\nFinansministern presenterade budgeten i dag.', 'sv')).toEqual([
      [0, 'heading', 'Regeringen sänker skatten'],
      [1, 'paragraph', 'Finansministern presenterade budgeten i dag.'],
    ])
  })
})
