import { type LanguageRules, words } from './types.js'

/**
 * German sentence rules. Nouns are capitalised and dates are written as ordinals (`am 12. Juni`),
 * so a number or an abbreviation ends a sentence only before a word that opens one.
 */
export const de: LanguageRules = {
  prefixes: words(`
    z.B z bzw d.h u.a o.ä s.o s.u u.U ggf evtl vgl ca Dr Prof Hr Fr Frl Dipl Ing St Sankt
    inkl exkl sog u.v.m i.d.R lt gem Nr
  `),
  numberPrefixes: words(`
    Nr nr N° № S s Abs Art Bd Kap Tel Fax Std
  `),
  abbreviations: words(`
    usw etc u.ä v.Chr n.Chr Co Inc Ltd GmbH Mio Mrd Jh Jhd Str str
    Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
    Mo Di Mi Do Sa
  `),
  // Not sorted into sentence-final abbreviations and months yet: all end a sentence before a starter.
  finals: new Set(),
  months: new Set(),
  starters: words(`
    Der Die Das Den Dem Des Ein Eine Einer Es Er Sie Wir Ihr Ich Du Man Dies Diese Dieser Dieses
    Dort Hier Da Dann Doch Aber Und Oder So Nun Jetzt Heute Gestern Morgen Nach Vor In Im Am Auf
    Bei Mit Von Zu Zum Zur Für Wenn Als Weil Obwohl Während Was Wer Warum Wie Wo Welche Welcher
    Ist Sind War Waren Hat Haben Hatte Kann Können Wird Werden Wurde Nicht Kein Keine Ja Nein
    Auch Alle Viele Einige Sein Seine Ihre Unser Unsere Mein Meine Dein Deine Danach Deshalb
    Trotzdem Außerdem Zudem Schließlich Zunächst Dabei Damit Denn
  `),
  pronounI: false,
  ordinalDates: true,
}
