import { type LanguageRules, words } from './types.js'

/** Swedish sentence rules. */
export const sv: LanguageRules = {
  prefixes: words(`
    t.ex bl.a s.k f.d dvs d.v.s p.g.a fr.o.m t.o.m jfr resp ang enl inkl exkl ev obs
    dr prof doc hr Kungl
    ca
  `),
  numberPrefixes: words(`
    kl nr Nr N° № s sid kap Kap avd bil tel vol Vol art
  `),
  abbreviations: words(`
    o.d e.d o.dyl dyl f.Kr e.Kr f.n f.ö st kr öre milj mdr tim min sek
    jan febr feb apr aug sep sept okt nov dec
    mån tis ons tors fre lör sön
    St
  `),
  finals: words(`
    m.m m.fl osv o.s.v etc Inc Ltd Jr
  `),
  months: words(`
    jan febr feb apr aug sep sept okt nov dec
  `),
  starters: words(`
    Det Den De Dem Detta Dessa Denna Där Här Han Hon Hen Vi Ni Jag Du Man Alla Många Flera Några
    Men Och Eller Så Nu Då Sedan Efter Enligt I På Vid Om När Som Under Inför Till Från Med Av
    För Även Också Dock Samtidigt Dessutom Därför Därmed Vad Vem Varför Hur Var Vilken Vilket
    Vilka Är Har Hade Kan Kunde Ska Skulle Kommer Blir Blev Var Ett En Inga Ingen Inget Inte Ja
    Nej Eftersom Trots Redan Bara Hans Hennes Deras Vår Vårt Våra Min Mitt Mina Sin Sitt Sina
    Din Ditt Dina Idag Igår Imorgon Senare Tidigare Först Sist Slutligen Annars Även Mellan Mot
    Utan Bland Hos Genom Sådana Tack
  `),
  pronounI: false,
  ordinalDates: false,
}
