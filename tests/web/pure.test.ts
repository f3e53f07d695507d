import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../src/auth/passwords.js'
import { barParts, progressOf } from '../../src/web/coverage-bar.js'
import { qualityHints } from '../../src/web/hints.js'
import { sourceDiff } from '../../src/web/source-diff.js'
import { findTokens, insertableTokens, missingTokens } from '../../src/web/tokens.js'
import { safeNext } from '../../src/web/page-context.js'
import { textDirection } from '../../src/web/text-direction.js'

const codes = (s: string, t: string) => qualityHints(s, t).map((h) => h.code)

describe('tokens', () => {
  it('finds placeholders, nesting, link targets, code spans, HTML tags and emphasis', () => {
    const src =
      'Hi {{name}}, see $t(menu.file) and [the docs](https://x.se/a) or `npm ci`, <b>now</b> **really**'
    expect(findTokens(src).map((t) => t.text)).toEqual([
      '{{name}}',
      '$t(menu.file)',
      '](https://x.se/a)',
      '`npm ci`',
      '<b>',
      '</b>',
      '**',
      '**',
    ])
  })

  it('leaves snake_case words and plain brackets alone', () => {
    expect(findTokens('set max_size (in bytes) to 5 [approx]')).toEqual([])
  })

  it('reports a token the target lost or mangled, once per missing copy', () => {
    const src = 'Hello {{name}}, you have {{count}} new <b>messages</b>'
    expect(
      missingTokens(src, 'Hej {{name}}, du har {{ count }} nya <b>meddelanden</b>').map(
        (t) => t.text,
      ),
    ).toEqual(['{{count}}'])
    expect(missingTokens(src, 'Hej {{name}}, du har {{count}} nya <b>meddelanden</b>')).toEqual([])
    expect(missingTokens('{{a}} and {{a}}', '{{a}}').map((t) => t.text)).toEqual(['{{a}}'])
  })

  it('accepts a link whose label was translated as long as the target is kept', () => {
    expect(missingTokens('Read [the guide](/guide).', 'Läs [guiden](/guide).')).toEqual([])
    expect(missingTokens('Read [the guide](/guide).', 'Läs guiden.').map((t) => t.kind)).toEqual([
      'link',
    ])
  })

  it('offers each distinct non-emphasis token once for insertion', () => {
    expect(insertableTokens('{{a}} *x* {{a}} <br/>').map((t) => t.text)).toEqual(['{{a}}', '<br/>'])
  })

  it('stays linear on long hostile input', () => {
    const t0 = performance.now()
    findTokens('{{'.repeat(50_000) + '<a '.repeat(50_000) + '$t('.repeat(50_000))
    expect(performance.now() - t0).toBeLessThan(2000)
  })
})

describe('quality hints', () => {
  it('says nothing about a good translation or an empty one', () => {
    expect(qualityHints('It costs 5 kr.', 'Det kostar 5 kr.')).toEqual([])
    expect(qualityHints('It costs 5 kr.', '')).toEqual([])
  })

  it('reads numbers and end marks without the code tags, and names a standalone code left out', () => {
    // ⟦1/⟧ holds a digit, and a closing tag may stand after the full stop: neither is the words'.
    expect(qualityHints('Run ⟦1/⟧ in ⟦2⟧5 s⟦/2⟧.', 'Kör ⟦1/⟧ på ⟦2⟧5 s.⟦/2⟧')).toEqual([])
    expect(qualityHints('Run ⟦1/⟧ now.', 'Kör nu.')).toEqual([{ code: 'token', token: '⟦1/⟧' }])
    expect(qualityHints('Run ⟦1/⟧ now.', 'Kör ⟦1/⟧ ⟦1/⟧ nu.')).toEqual([{ code: 'token', token: '⟦1/⟧' }])
  })

  it('notices numbers that differ, and ignores locale separators', () => {
    expect(qualityHints('It costs 5 kr.', 'Det kostar 6 kr.')).toEqual([
      { code: 'numbers', numbers: '5' },
    ])
    expect(codes('1,000.5 people', '1 000,5 personer')).toEqual([])
  })

  it('notices a missing or different end mark', () => {
    expect(qualityHints('Is it?', 'Är det.')).toEqual([{ code: 'endMark', mark: '?' }])
    expect(codes('Done.', 'Klart')).toEqual(['endMark'])
    expect(qualityHints('Heading', 'Rubrik.')).toEqual([{ code: 'extraEndMark', mark: '.' }])
    expect(codes('“Go.”', '”Gå.”')).toEqual([])
  })

  it('notices leading, trailing and double spaces and a copy of the source', () => {
    expect(codes('Hello.', ' Hej.')).toEqual(['leadingSpace'])
    expect(codes('Hello.', 'Hej. ')).toEqual(['trailingSpace'])
    expect(codes('Hello there.', 'Hej  där.')).toEqual(['doubleSpace'])
    expect(codes('Stockholm.', 'Stockholm.')).toEqual(['identical'])
  })

  it('turns a lost placeholder into a hint', () => {
    expect(qualityHints('Hi {{name}}!', 'Hej!')).toEqual([{ code: 'token', token: '{{name}}' }])
  })
})

describe('source diff', () => {
  it('marks removed and added words between the old and the new source', () => {
    expect(sourceDiff('The cat sat.', 'The dog sat.')).toEqual([
      { op: 'same', text: 'The ' },
      { op: 'del', text: 'cat' },
      { op: 'ins', text: 'dog' },
      { op: 'same', text: ' sat.' },
    ])
  })
})

describe('coverage bar', () => {
  it('takes stale units out of their state so the parts add up', () => {
    const c = { initial: 2, translated: 3, reviewed: 4, final: 1, stale: 4 }
    expect(barParts(c)).toEqual({
      reviewed: 4,
      translated: 0,
      stale: 4,
      rejected: 0,
      untranslated: 2,
      total: 10,
    })
    expect(progressOf(c)).toEqual({ done: 4, total: 10, left: 6 })
  })

  it('keeps rejected units apart as pending work', () => {
    const c = { initial: 2, translated: 3, reviewed: 4, final: 1, rejected: 2, stale: 1 }
    expect(barParts(c)).toEqual({ reviewed: 5, translated: 2, stale: 1, rejected: 2, untranslated: 2, total: 12 })
    expect(progressOf(c)).toEqual({ done: 7, total: 12, left: 5 })
  })
})

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const a = await hashPassword('correct horse battery')
    const b = await hashPassword('correct horse battery')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse battery', a)).toBe(true)
    expect(await verifyPassword('correct horse batterY', a)).toBe(false)
    expect(await verifyPassword('x', 'garbage')).toBe(false)
  })

  it('refuses a short password with a hint', async () => {
    await expect(hashPassword('short')).rejects.toThrow(/at least 10 characters/)
  })
})

describe('small helpers', () => {
  it('only redirects to local paths', () => {
    expect(safeNext('/edit/a/sv?x=1')).toBe('/edit/a/sv?x=1')
    for (const bad of ['//evil.example', '/\\evil', 'https://evil.example', undefined, 5])
      expect(safeNext(bad)).toBe('/')
  })

  it('knows which languages are written right to left', () => {
    expect(textDirection('ar')).toBe('rtl')
    expect(textDirection('he-IL')).toBe('rtl')
    expect(textDirection('sv')).toBe('ltr')
  })
})

describe('editor row markup', () => {
  it('escapes source, target, ids, tokens and hints wherever they land', async () => {
    const { rowStrings } = await import('../../src/web/pages/row.js')
    const { segmentRowHtml } = await import('../../src/web/grid/row-html.js')
    const { createWebI18n } = await import('../../src/web/i18n.js')
    const t = createWebI18n().getFixedT('en')
    const evil = `<img src=x onerror="alert('s')">&`
    const html = segmentRowHtml(
      {
        unit: {
          id: 'u"1',
          articleId: 'a',
          tag: 'en-x',
          lang: 'en',
          position: 1,
          block: 0,
          kind: 'paragraph',
          source: `${evil} {{x"y}}`,
          trailing: '',
          words: 3,
          obsolete: false,
        },
        tr: {
          articleId: 'a',
          unitId: 'u"1',
          lang: 'sv',
          text: `${evil}</textarea>`,
          state: 'translated',
          stale: true,
          version: 2,
          author: '<b>ana</b>',
          updatedAt: '2026-01-01T00:00:00Z',
          madeFrom: `${evil} old`,
        },
        paragraphStart: false,
      },
      {
        t,
        s: rowStrings(t),
        csrf: 'tok"en',
        articleId: 'a',
        lang: 'sv',
        srcLang: 'en',
        srcDir: 'ltr',
        dir: 'ltr',
        canWrite: true,
        canReview: false,
        back: '?filter=all&page=1',
        when: (x) => x,
      },
      { next: 'u"1' },
    )
    expect(html).not.toMatch(/<img|<\/textarea><\/textarea>|<b>ana|"alert|u"1|tok"en|x"y/)
    expect(html).toContain(
      '&lt;img src=x onerror=&quot;alert(&#39;s&#39;)&quot;&gt;&amp;&lt;/textarea&gt;</textarea>',
    )
    expect(html).toContain('data-token="{{x&quot;y}}"')
    expect(html).toContain('id="u-u&quot;1"')
    expect(html).toContain('action="/edit/a/sv/u%221?filter=all&amp;page=1&amp;active=u%221"')
    expect(html).toContain(',&quot;{{x\\&quot;y}}&quot;]" data-hints=')
    expect(html.match(/<textarea/g)).toHaveLength(1)
  })
})
