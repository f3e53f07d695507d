/** Sentences and a TMX file the memory's tests share. */

export const EN = [
  'The museum opens at nine.',
  'Tickets cost 12 euros for adults.',
  'Children under seven enter for free.',
  'The café on the top floor serves lunch until three.',
]
export const SV = [
  'Museet öppnar klockan nio.',
  'Biljetter kostar 12 euro för vuxna.',
  'Barn under sju år går in gratis.',
  'Kaféet på översta våningen serverar lunch till klockan tre.',
]

export const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/>
  <body>
    <tu changeid="eva" changedate="20240102T030405Z">
      <prop type="x-tolk-tag">sv-legal</prop>
      <tuv xml:lang="en-US"><seg>The contract ends on <ph>&lt;b&gt;</ph>31 May<ph>&lt;/b&gt;</ph>.</seg></tuv>
      <tuv xml:lang="sv-SE"><seg>Avtalet upphör den <ph>&lt;b&gt;</ph>31 maj<ph>&lt;/b&gt;</ph>.</seg></tuv>
      <tuv xml:lang="de-DE"><seg>Der Vertrag endet am 31. Mai.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-us"><seg>Both parties sign &amp; date it.</seg></tuv>
      <tuv xml:lang="sv-se"><seg><![CDATA[Båda parter skriver under & daterar det.]]></seg></tuv>
    </tu>
    <tu><tuv xml:lang="sv-SE"><seg>Bara svenska.</seg></tuv></tu>
  </body>
</tmx>
`
