import { type LanguageRules, words } from './types.js'

/**
 * Danish sentence rules (a compact set). Danish ordinals stand before lower-case month names, and
 * `I` is a pronoun (you, plural), so it continues a sentence after an ellipsis as in English.
 */
export const da: LanguageRules = {
  prefixes: words(`
    f.eks bl.a s.k dvs d.v.s jf jvf ca c cirka hr fr dr prof Skt skt Sankt mht m.h.t vedr ang inkl
    ekskl evt pga p.g.a
  `),
  numberPrefixes: words(`
    kl nr Nr N° № s side kap stk tlf
  `),
  abbreviations: words(`
    m.m m.fl osv o.s.v etc mv m.v f.Kr e.Kr kr mio mia ca. St co Co Inc Ltd Jr Sr
    jan feb mar apr jun jul aug sep sept okt nov dec
    man tirs ons tors fre lør søn
  `),
  // Not sorted into sentence-final abbreviations and months yet: all end a sentence before a starter.
  finals: new Set(),
  months: new Set(),
  starters: words(`
    Det Den De Der Dette Disse Her Jeg Du Han Hun Vi I Man Alle Mange Nogle Men Og Eller Så Nu Da
    Efter Ifølge På Ved Om Når Som Under Til Fra Med Af For Også Dog Samtidig Desuden Derfor
    Hvad Hvem Hvorfor Hvordan Hvor Hvilken Hvilket Hvilke Er Har Havde Kan Kunne Skal Skulle Vil
    Ville Bliver Blev Var En Et Ingen Intet Ikke Ja Nej Fordi Selvom Allerede Kun Hans Hendes
    Deres Vores Min Mit Mine Sin Sit Sine Din Dit Dine Senere Først Sidst Endelig Mellem Mod Uden
    Blandt Hos Gennem Tak
    The It He She They We You This That There How What Why Who Is Are Was Did Do
  `),
  pronounI: true,
  ordinalDates: false,
}
