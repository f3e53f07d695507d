import { type LanguageRules, words } from './types.js'

// Written without the final full stop: the splitter looks up the token before the candidate `.`.
// Multi-period abbreviations (U.S, a.m, Ph.D) are recognised by shape; only those that must
// never end a sentence are listed here.

/** English sentence rules. */
export const en: LanguageRules = {
  prefixes: words(`
    Mr Mrs Ms Mssrs Messrs Mmes Dr Drs Prof Rev Hon Gen Lt Col Maj Capt Cmdr Sgt Cpl Adm Gov
    Sen Rep Pres Supt Insp Det Mt Ft Fr Msgr Sra Srta Mme Mlle
    e.g i.e cf vs viz approx ca c Fig fig Figs figs Eq eq
  `),
  numberPrefixes: words(`
    No no Nos nos Nr nr N° № p pp Vol vol Vols Ch ch Chap chap Sec sec Art art Para para
    Pt pt Op op Ex ex Tab tab Ref ref Ed ed
  `),
  abbreviations: words(`
    Co co Bros Esq Ave Blvd Rd St st Sq Hwy Dept dept Univ Assn
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat
    min mins hr hrs ft oz lb lbs yd yds mi sq est govt misc al
  `),
  finals: words(`
    etc Inc Ltd Corp Jr Sr plc
  `),
  months: words(`
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
  `),
  starters: words(`
    The A An It Its He She They We I You This That These Those There Here His Her Their Our My
    Your Him Them Us But And Or So Yet If When While After Before As Since Although Though Because
    How What Why Where Who Whom Whose Which Did Do Does Is Are Was Were Can Could Will Would
    Should Shall May Might Must Has Have Had Not No Yes Then Now However Also For From To With By
    Of In On At One Some All Many Most Each Every Both Such Only Even Still Meanwhile Today
    Yesterday Tomorrow Later Earlier Instead Thus Therefore Furthermore Moreover Nevertheless
    Finally First Second Third Last Next Another Other Let Please Thank Thanks Oh Well
  `),
  pronounI: true,
  ordinalDates: false,
}
