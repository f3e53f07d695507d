/**
 * Every problem type a Tolk server can answer with, in one place: its name (the last segment of
 * the `type` reference `/problems/NAME`), the status it comes with, a title, what it means and
 * how to fix it. `GET /problems` and `GET /problems/NAME` serve these as pages, the OpenAPI
 * document lists the names, and a test holds this list to the types the code can emit (every
 * `TolkError` code and `problem()` call in the modules a server runs), so none lacks a page.
 *
 * One name per kind of error, whichever route meets it: an unknown article is `unknown-article`
 * on a read, a write, an export, a badge or an i18next namespace alike.
 */
export interface ProblemType {
  /** The status(es) it is answered with; a type with two says when each applies in `meaning`. */
  status: number | readonly [number, ...number[]]
  /** Short and the same for every occurrence (RFC 9457 `title`); the `detail` is per occurrence. */
  title: string
  /** What went wrong. */
  meaning: string
  /** What the client or the operator can do about it. */
  fix: string
}

/** Where the pages are; a problem's `type` is `${PROBLEMS_PATH}/NAME`, a relative reference. */
export const PROBLEMS_PATH = '/problems'

const types = {
  // The request itself
  'invalid-request': {
    status: 400,
    title: 'Invalid request',
    meaning: 'A part of the request (path, query, header or body) does not fit the route\'s schema. The answer\'s `errors` lists each failing field: where it is (`in`), which one (`path`) and what is wrong (`message`).',
    fix: 'Correct the fields named in `errors`; /api/openapi.json gives every route\'s schema.',
  },
  'malformed-json': {
    status: 400,
    title: 'Malformed JSON',
    meaning: 'The body was sent as JSON (a JSON Content-Type) but does not parse as JSON.',
    fix: 'Check quotes, commas and brackets, or send the body with the media type it really has.',
  },
  'invalid-utf8': {
    status: 400,
    title: 'Not UTF-8',
    meaning: 'The request body, or an uploaded file, is not valid UTF-8 (a TMX file may also be UTF-16 with a byte order mark). Tolk refuses it rather than store damaged text.',
    fix: 'Save or send the text as UTF-8.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    meaning: 'The body\'s Content-Type is not one this route reads; the detail lists the ones it does.',
    fix: 'Send the body with one of the media types the detail names (each route\'s are in /api/openapi.json).',
  },
  'body-too-large': {
    status: 413,
    title: 'Body too large',
    meaning: 'The request body is larger than the server takes (`tolk serve --max-body`, 4 MB by default).',
    fix: 'Send less, or start the server with a larger --max-body.',
  },
  unauthorized: {
    status: 401,
    title: 'No valid API token',
    meaning: 'The route needs an API token, and the request had none, or one that is unknown, revoked or expired.',
    fix: 'Send Authorization: Bearer TOKEN with a token from `tolk token create NAME`.',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed',
    meaning: 'The token is valid, but its account\'s grants do not allow this: a translator writing another language, a reviewer\'s state set by a translator, an import or an archive by someone who is not an admin.',
    fix: 'Ask an admin for the grant the detail names (`tolk user grant NAME ROLE --lang …`), or act as an account that has it.',
  },
  csrf: {
    status: 403,
    title: 'Form token missing or stale',
    meaning: 'A state-changing request made with an editor session cookie did not carry the page\'s CSRF token, or carried an old one.',
    fix: 'Reload the page and send the form again; API clients use a Bearer token instead of the session cookie.',
  },
  'cross-site': {
    status: 403,
    title: 'Cross-site request',
    meaning: 'A state-changing request made with an editor session cookie came from another site: its Origin (or, without one, Sec-Fetch-Site) names another origin. Requests with a Bearer token are not checked this way.',
    fix: 'Send the form from Tolk\'s own pages; behind a proxy, make sure it keeps the Host and Origin headers.',
  },
  'too-many-requests': {
    status: 429,
    title: 'Too many at once',
    meaning: 'At most 2 reports or exports run at once per account (per client address for anonymous --public-read readers); this would have been one more. Retry-After says when to try again.',
    fix: 'Wait for a running report or export to finish (or the Retry-After seconds), then ask again.',
  },
  'invalid-form': {
    status: 400,
    title: "Malformed form",
    meaning: "A form body (application/x-www-form-urlencoded) holds a broken percent-escape, or bytes that are not UTF-8. Tolk refuses it rather than store U+FFFD in its place.",
    fix: "Send the form as a browser does: UTF-8, every % followed by two hex digits.",
  },
  'invalid-text': {
    status: 400,
    title: "Text against the text rule",
    meaning: "A text to be stored breaks the one text rule: a lone surrogate, a control character other than tab, line feed and carriage return, or more characters than the limit (100,000 for a translation, 10,000 for a saveMissing value, 500 for a title). The detail names the field (or file and line) and the character.",
    fix: "Remove the character the detail names, or shorten the text.",
  },
  'store-busy': {
    status: 503,
    title: "Database busy",
    meaning: "Another process (a CLI import, say) held the database's write lock for longer than the server waits (2 s). Nothing was written. Retry-After says when to try again.",
    fix: "Retry after the seconds Retry-After gives; run long imports beside a busy server when it is quiet.",
  },
  'store-unavailable': {
    status: 503,
    title: "Database unavailable",
    meaning: "The PostgreSQL server could not be reached (restarting, shut down, out of connections). The server goes on once it is back. A write whose connection broke at its commit may have been saved.",
    fix: "Retry after the seconds Retry-After gives; read a unit before writing it again.",
  },
  'empty-file': {
    status: 400,
    title: "Empty file",
    meaning: "The file sent to be read is empty.",
    fix: "Send the file with its content.",
  },
  'wrong-kind-of-file': {
    status: 400,
    title: "Wrong kind of file",
    meaning: "The file is of another kind than this route or verb reads (a TMX file given to import-translations, say); the detail names the verb that reads it.",
    fix: "Use the verb or route the detail names.",
  },
  'invalid-duration': {
    status: 400,
    title: "Invalid duration",
    meaning: "A length of time is not a number and a unit (m, h, d or w) such as 90m, 12h, 30d or 2w.",
    fix: "Write it as the detail shows.",
  },
  'invalid-cursor': {
    status: 400,
    title: "Invalid cursor",
    meaning: "The `cursor` of a paged listing is not one this listing gave out as its `next`.",
    fix: "Start without a cursor, then pass each answer's `next` as it is.",
  },
  'invalid-limit': {
    status: 400,
    title: "Invalid limit",
    meaning: "The `limit` of a paged listing is outside what the listing takes (1 to 500 units, 1 to 100 history entries).",
    fix: "Ask for a smaller page and follow `next`.",
  },
  'unknown-grant': {
    status: 404,
    title: "No such grant",
    meaning: "The account holds no grant of this role (and language) to take back.",
    fix: "List the account's grants with `tolk user list`.",
  },
  'account-removed': {
    status: 400,
    title: "Account removed",
    meaning: "The account was removed: it can no longer sign in or hold tokens, and its name, kept in the history, cannot be used again.",
    fix: "Create an account with another name.",
  },
  'code-mismatch': {
    status: 400,
    title: "Codes do not fit the source",
    meaning: "A translation's protected inline codes (⟦1⟧…⟦/1⟧ for paired markup such as emphasis or a link, ⟦2/⟧ for standalone ones) do not fit its source's: a paired code is missing, added, unbalanced, crossed or used twice. The answer's `codes` lists each problem with the code it concerns.",
    fix: "Keep every paired code of the source, opened and closed in order (copying the source always fits); codes may move within the sentence.",
  },
  'untranslated-units': {
    status: 409,
    title: "Untranslated units",
    meaning: "An export with `untranslated=fail` (`--untranslated fail`) met units not translated into the language; the answer's `units` lists them.",
    fix: "Translate the units listed, or export without untranslated=fail to fall back to their source.",
  },
  'document-unreadable': {
    status: 400,
    title: "Document not kept byte for byte",
    meaning: "A Markdown or HTML article could not be split into units and a skeleton that give the document back byte for byte (HTML the parser has to rearrange, such as misnested tags), so it was not imported.",
    fix: "Fix the markup the detail points at, or import the file as text (--format text, format=text).",
  },
  'no-route': {
    status: 404,
    title: 'No such route',
    meaning: 'No route has this path (or, under /problems, no problem type has this name).',
    fix: 'Check the path against /api/docs (or the list at /problems).',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    meaning: 'The path exists, but not with this method; the Allow header lists the methods it has.',
    fix: 'Use one of the methods in the Allow header.',
  },
  'if-match-required': {
    status: 428,
    title: 'If-Match required',
    meaning: 'A translation write must say which version it was based on, so that no one else\'s save is overwritten unseen.',
    fix: 'Send If-Match with the ETag of the version you edited, as GET answered it ("0" for a unit never translated).',
  },
  'invalid-if-match': {
    status: 400,
    title: 'Invalid If-Match',
    meaning: 'If-Match is not one strong ETag such as "7". `*` and weak ETags are refused: they would allow a blind overwrite.',
    fix: 'Send the ETag GET answered for the translation, quotes included.',
  },
  'version-conflict': {
    status: 412,
    title: 'Version conflict',
    meaning: 'Someone saved the translation after the version your edit was based on. Nothing was written; the answer holds the current text (`current`) and yours (`yours`).',
    fix: 'Merge the two texts and send the result with If-Match set to the current version (the answer\'s ETag).',
  },
  internal: {
    status: 500,
    title: 'Internal error',
    meaning: 'Something unexpected failed on the server. The server logged it with the request id.',
    fix: 'Try again; if it persists, report it quoting `requestId` (also in the X-Request-Id header).',
  },

  // Values
  'invalid-input': {
    status: 400,
    title: 'Invalid input',
    meaning: 'A value breaks one of the store\'s rules that no more specific type covers (a text that is not text, a write without an author).',
    fix: 'Correct the value the detail names.',
  },
  'invalid-id': {
    status: 400,
    title: 'Invalid id',
    meaning: 'An article, unit or namespace id is not 1–100 letters, digits, ".", "_" or "-"; a namespace may also be up to 8 such names joined by "/" (`admin/users`, from a subfolder), never `..`, an empty name, a backslash or a control character.',
    fix: 'Use an id made of those characters only.',
  },
  'invalid-tag': {
    status: 400,
    title: 'Invalid tag',
    meaning: 'An article\'s collection tag is not a language tag, a hyphen and a domain of 3–30 lower-case letters.',
    fix: 'Use a tag such as sv-general or pt-BR-legal.',
  },
  'unknown-language': {
    status: 400,
    title: 'Unknown language',
    meaning: 'A language tag is not valid BCP 47, or names a language CLDR does not know.',
    fix: 'Use a tag such as en, sv or pt-BR.',
  },
  'invalid-state': {
    status: 400,
    title: 'Invalid state',
    meaning: 'A translation state is none of initial, translated, reviewed, final and rejected, or a confirmation names a state other than the one stored (a confirmation keeps the state).',
    fix: 'Use one of the five states; to confirm, leave the state out or send the current one.',
  },
  'text-differs': {
    status: 400,
    title: 'Text differs',
    meaning: 'A confirmation or a rejection keeps the translation\'s text, and the text sent is not the current one.',
    fix: 'Leave `text` out (the current text is kept), or send the text as it is; to change the text, write it as an edit.',
  },
  'not-stale': {
    status: 409,
    title: 'Not stale',
    meaning: 'A confirmation clears the stale flag, and this translation is not stale: there is nothing to confirm.',
    fix: 'Nothing to do; GET the translation to see its state.',
  },
  'confirm-rejected': {
    status: 409,
    title: 'Rejected, not confirmable',
    meaning: 'The translation was rejected by a reviewer; confirming it against the source does not answer the rejection.',
    fix: 'Edit the text (which moves it back to translated), or a reviewer approves it as reviewed.',
  },
  'nothing-to-confirm': {
    status: 400,
    title: 'Nothing to confirm',
    meaning: 'A confirmation was based on version 0: the unit was never translated.',
    fix: 'Translate the unit instead.',
  },
  'version-required': {
    status: 400,
    title: 'Version required',
    meaning: 'A confirmation must name the version it confirms, so that a text changed meanwhile is never confirmed unseen.',
    fix: 'Send If-Match (API) or --if-version (CLI) with the version read.',
  },
  'not-rejectable': {
    status: 409,
    title: 'Not rejectable',
    meaning: 'Only a translated, reviewed or final translation can be rejected; this one is untranslated or already rejected.',
    fix: 'GET the translation to see its state.',
  },
  'reason-required': {
    status: 400,
    title: 'Reason required',
    meaning: 'A rejection (state rejected) needs a reason: the translator sees it on the segment.',
    fix: 'Send `reason` (CLI: --reason) saying what is wrong, at most 2,000 characters.',
  },
  'reason-not-allowed': {
    status: 400,
    title: 'Reason without rejection',
    meaning: 'A `reason` goes with state rejected only.',
    fix: 'Leave `reason` out, or send state rejected.',
  },
  'invalid-version': {
    status: 400,
    title: 'Invalid version',
    meaning: 'A version to check a write against is not a whole number of 0 or more.',
    fix: 'Give the version the translation was read at (0 for one never written).',
  },
  'invalid-origin': {
    status: 400,
    title: 'Invalid origin',
    meaning: 'A write\'s `origin` is not {"kind": "memory", "score": 0–101} or {"kind": "mt", "engine": NAME}, each with an optional "edited": true.',
    fix: 'Send the memory match\'s score or the engine\'s name with the text you inserted (edited: true when you changed it), or leave `origin` out for your own text.',
  },
  'state-needs-lang': {
    status: 400,
    title: 'State filter needs a language',
    meaning: 'Units were filtered by translation state without naming the language whose state counts.',
    fix: 'Add ?lang=LANG to the request.',
  },

  // Articles, units and targets
  'unknown-article': {
    status: 404,
    title: 'Unknown article',
    meaning: 'No article or i18next namespace has this id (badges, exports, reports, /locales and every /api/articles route alike).',
    fix: 'Check the id against GET /api/articles (or `tolk report`); an archived one answers `archived` instead.',
  },
  archived: {
    status: [404, 409],
    title: 'Archived',
    meaning: 'The article or namespace was archived (DELETE /api/articles/ID or `tolk archive`): it is kept, with its units, translations and history, but leaves every listing, report and read. Reading it answers 404; writing to it, re-importing it or posting saveMissing keys to it answers 409.',
    fix: 'An admin brings it back unchanged with POST /api/articles/ID/restore or `tolk restore ID`.',
  },
  'not-archived': {
    status: 409,
    title: 'Not archived',
    meaning: 'A restore named an article or namespace that is not archived.',
    fix: 'Nothing to do: it is live already.',
  },
  'article-exists': {
    status: 409,
    title: 'Article exists',
    meaning: 'POST /api/articles named an id that is taken.',
    fix: 'PUT /api/articles/ID re-imports that article; choose another id for a new one.',
  },
  'unknown-unit': {
    status: 404,
    title: 'Unknown unit',
    meaning: 'The article has no live unit with this id: there never was one, or a re-import removed it (its history is kept).',
    fix: 'List the article\'s units with GET /api/articles/ID/units.',
  },
  'unknown-qa-check': {
    status: 400,
    title: 'Unknown QA check',
    meaning: 'A dismissal or a filter named a QA check that does not exist.',
    fix: 'Use one of the check ids docs/qa.md lists (codes, numbers, forbidden-term, …).',
  },
  'not-a-target': {
    status: [400, 404],
    title: 'Not a target language',
    meaning: 'The language is not one the article or namespace is translated into (for a namespace, nor its text language). 400 where a request names it for a translation, a unit listing, an export or an uploaded file; 404 where it names a file that does not exist: a badge (/badge/ARTICLE/LANG.svg), an i18next namespace (/locales/LANG/NS.json), an editor page.',
    fix: 'Use one of the targets the detail lists, or re-import the article with the language among its targets.',
  },
  'no-targets': {
    status: [400, 409],
    title: 'No target languages',
    meaning: 'An article or namespace would be created with no language to translate it into. 400: a new article was imported without targets. 409: a saveMissing post would create a namespace, but the server has no target languages for new namespaces (or only the posted language); nothing is created.',
    fix: 'Name the targets (--targets sv,de, or `targets` in the request). For saveMissing, start the server with `tolk serve --targets sv,de` (or set TOLK_TARGETS=sv,de).',
  },
  'target-is-source': {
    status: 400,
    title: 'Target is the text language',
    meaning: 'A target language is the language the text is written in; a text is not translated into its own language.',
    fix: 'Leave that language out of the targets, or give the text\'s real language (lang=…).',
  },
  'duplicate-target': {
    status: 400,
    title: 'Target given twice',
    meaning: 'The same target language is listed twice.',
    fix: 'List each target once.',
  },
  'not-a-plural-form': {
    status: 400,
    title: 'Not a plural form of the language',
    meaning: 'The unit is an i18next plural form (such as `_few`) that the language\'s CLDR rules do not have, so it has no translation in it. `_zero` is the exception: i18next uses it for a count of 0 in every language, so it may be written in any (counted only where CLDR has a zero category).',
    fix: 'Translate the plural forms the language has.',
  },
  'empty-article': {
    status: 400,
    title: 'Empty article',
    meaning: 'The imported text has nothing to translate.',
    fix: 'Send the article\'s text.',
  },
  'segmentation-mismatch': {
    status: 400,
    title: 'Segmentation mismatch',
    meaning: 'The units of an import do not give back the article\'s text.',
    fix: 'Import the text again; Tolk segments it itself.',
  },
  'not-an-article': {
    status: 409,
    title: 'Not an article',
    meaning: 'The id names an i18next namespace: its units are keys from its files, not sentences of a text, so it is not imported (PUT /api/articles) as an article, and its targets do not come from such an import.',
    fix: 'Import its files with `tolk import-locales DIR` (their languages become its targets), or post saveMissing keys in a new language to add that language as a target.',
  },
  'not-a-resource-set': {
    status: 409,
    title: 'Not an i18next namespace',
    meaning: 'A saveMissing post or a locale import named an article, whose units come from its text.',
    fix: 'Use another namespace name.',
  },
  'namespace-clash': {
    status: 409,
    title: 'Two namespaces, one id',
    meaning: 'A namespace from a subfolder (`admin/users`) is stored under an id derived from its name (`ns-` and 24 hex digits), and another namespace already holds that id. Vanishingly rare: it takes a SHA-256 collision or a namespace named like a derived id.',
    fix: 'Rename one of the two namespaces.',
  },
  'wrong-article': {
    status: 400,
    title: 'File of another article',
    meaning: 'The uploaded translation file names another article than the one in the path.',
    fix: 'Post it to the import-translations route of the article the detail names.',
  },
  'wrong-source-language': {
    status: 400,
    title: 'Wrong source language',
    meaning: 'A namespace\'s files were imported with another source language than the one it is written in.',
    fix: 'Import with the source language the detail names (--source LANG).',
  },

  // i18next resources and saveMissing
  'invalid-resource': {
    status: 400,
    title: 'Invalid resource',
    meaning: 'A saveMissing body is not a flat object of keys and string fallbacks.',
    fix: 'Send {"key": "fallback", …} as JSON or form fields.',
  },
  'no-keys': {
    status: 400,
    title: 'No keys',
    meaning: 'A saveMissing post names no key.',
    fix: 'Send at least one {"key": "fallback"}.',
  },
  'too-many-keys': {
    status: 400,
    title: 'Too many keys',
    meaning: 'A saveMissing post carries more keys than one post may (1,000).',
    fix: 'Send fewer, or import the files with `tolk import-locales`.',
  },
  'empty-key': {
    status: 400,
    title: 'Empty key',
    meaning: 'A key is empty (or has an empty segment): i18next cannot look it up.',
    fix: 'Give the key a name.',
  },
  'duplicate-key': {
    status: 400,
    title: 'Key given twice',
    meaning: 'The same key is posted twice, or a file has it both flat ("a.b") and nested.',
    fix: 'Keep one of them.',
  },
  'key-conflict': {
    status: 409,
    title: 'Key conflict',
    meaning: 'The namespace has a key that is a dotted prefix of the new one (or the reverse): nested JSON cannot hold both `nav` and `nav.home`.',
    fix: 'Rename one of the two keys.',
  },

  // Files and formats
  'unknown-format': {
    status: 400,
    title: 'Unknown format',
    meaning: 'The format name is none Tolk writes, or the file is not in the format it claims.',
    fix: 'Use one of the formats the detail lists.',
  },
  'duplicate-unit': {
    status: 400,
    title: 'Unit given twice',
    meaning: 'An uploaded translation file has the same unit twice; Tolk cannot tell which text is meant.',
    fix: 'Keep one of the two entries the detail names (by line).',
  },
  'file-too-large': {
    status: 400,
    title: 'File too large',
    meaning: 'An uploaded file has more characters than Tolk reads in one go.',
    fix: 'Split the file.',
  },
  'malformed-xml': {
    status: 400,
    title: 'Malformed XML',
    meaning: 'The file is not well-formed XML, or holds a construct Tolk does not read (such as a DOCTYPE); the detail gives the line and column.',
    fix: 'Repair the file at the place named.',
  },
  'malformed-xliff': {
    status: 400,
    title: 'Malformed XLIFF',
    meaning: 'The XLIFF file lacks what Tolk needs: one <file> whose original is the article id, a target language, unit ids.',
    fix: 'Bring back the file `tolk export` (or GET …/export) wrote, translated by a CAT tool.',
  },
  'malformed-po': {
    status: 400,
    title: 'Malformed PO',
    meaning: 'The PO file cannot be read, or lacks the X-Tolk-Article header or msgctxt unit ids Tolk writes.',
    fix: 'Bring back the PO file `tolk export --format po` wrote, translated.',
  },
  'invalid-tmx': {
    status: 400,
    title: 'Invalid TMX',
    meaning: 'The TMX file has no <header srclang="…"> or no <body>.',
    fix: 'Use a TMX 1.4 file.',
  },
  'unexportable-character': {
    status: 400,
    title: 'Character XML cannot carry',
    meaning: 'A unit holds a control character that XML 1.0, and so XLIFF 1.2, cannot carry.',
    fix: 'Export as xliff2 or po.',
  },
  'unreadable-file': {
    status: 400,
    title: 'Unreadable file',
    meaning: 'A file named on the server\'s side could not be read.',
    fix: 'Check the path and its permissions.',
  },
  'bad-db': {
    status: 400,
    title: 'Unusable database location',
    meaning: 'A --db or TOLK_DB value is empty, names no file, or is a URL of a kind Tolk does not store in.',
    fix: 'Give a SQLite file, sqlite:PATH, or a postgres:// URL.',
  },

  // Translation memory
  'empty-query': {
    status: 400,
    title: 'Empty query',
    meaning: 'A memory search or match has no text.',
    fix: 'Give a word or a phrase.',
  },
  'query-too-long': {
    status: 400,
    title: 'Query too long',
    meaning: 'A memory search or match text is longer than the memory searches.',
    fix: 'Search for a shorter phrase.',
  },
  'unknown-language-pair': {
    status: 404,
    title: 'No memory for these languages',
    meaning: 'The translation memory has no entries in this language (pair) yet.',
    fix: 'Translate some units into it, or import a TMX file (`tolk tm import`).',
  },

  // Accounts
  'unknown-account': {
    status: 404,
    title: 'Unknown account',
    meaning: 'No account has this name.',
    fix: 'Create it with `tolk user add NAME`.',
  },
  'unknown-token': {
    status: 404,
    title: 'Unknown token',
    meaning: 'No API token has this id.',
    fix: 'See `tolk token list`.',
  },
  'account-exists': {
    status: 400,
    title: 'Account exists',
    meaning: 'An account of this name exists already.',
    fix: 'Grant the existing account roles with `tolk user grant`, or choose another name.',
  },
  'invalid-role': {
    status: 400,
    title: 'Invalid role',
    meaning: 'The role is none of admin, translator, reviewer, viewer, terminologist and coordinator.',
    fix: 'Use one of them.',
  },
  'invalid-grant': {
    status: 400,
    title: 'Invalid grant',
    meaning: 'A translator or reviewer grant names no language, or an admin or viewer grant names some.',
    fix: 'Give translators and reviewers --lang; leave it out for admins and viewers.',
  },
  'invalid-assignment': {
    status: 400,
    title: 'Invalid assignment',
    meaning: 'An assignment names no one, someone twice, several people without `split: "words"`, a segment range that is not a range such as 1-40 or reaches past the last segment, more people than segments to split, a due date that is not a real day such as 2026-12-24, or a note over 2000 characters.',
    fix: 'Correct what the detail names; `tolk assign --help` shows the flags.',
  },
  'unknown-assignment': {
    status: 404,
    title: 'Unknown assignment',
    meaning: 'No assignment has this id.',
    fix: 'See GET /api/assignments or `tolk assign --list`.',
  },
  'assignment-withdrawn': {
    status: 409,
    title: 'Assignment withdrawn',
    meaning: 'The assignment was withdrawn already; the detail says by whom and when.',
    fix: 'Nothing to do: it is out of everyone\'s work. To hand the work out again, assign it anew.',
  },
  'invalid-kind': {
    status: 400,
    title: 'Invalid activity kind',
    meaning: 'The `kind` filter of an activity feed names a kind the feed does not have.',
    fix: 'Use the kinds the detail lists, comma-separated.',
  },
  'invalid-expiry': {
    status: 400,
    title: 'Invalid expiry',
    meaning: 'A token expiry is in the past, or not a number and a unit.',
    fix: 'Write one such as 90m, 12h, 30d or 2w.',
  },
  'weak-password': {
    status: 400,
    title: 'Password too short',
    meaning: 'The password is shorter than Tolk accepts.',
    fix: 'Use a longer one; a short sentence works well.',
  },

  // The database
  'schema-too-new': {
    status: 400,
    title: 'Database too new',
    meaning: 'The database was written by a newer Tolk, whose schema this one does not know.',
    fix: 'Upgrade Tolk.',
  },
  'invalid-term-entry': {
    status: 400,
    title: 'Invalid term entry',
    meaning: 'A termbase entry does not follow the rules: it has no term, a term is empty, too long (over 300 characters) or given twice, or a status, part of speech or language is not one Tolk knows. The detail names the first thing wrong.',
    fix: 'Give each entry at least one term with a BCP 47 language; statuses are preferred, admitted, deprecated or forbidden; parts of speech noun, verb, adjective, adverb, properNoun or other.',
  },
  'invalid-uses': {
    status: 400,
    title: 'Invalid termbase uses',
    meaning: 'The tags a termbase uses name the termbase itself, a tag twice, or more than 20 tags.',
    fix: 'List each other tag once, in the order its terms should count.',
  },
  'unknown-term-entry': {
    status: 404,
    title: 'Unknown term entry',
    meaning: 'The termbase has no entry of this id: there never was one, it was deleted, or it belongs to another tag.',
    fix: 'List the entries with GET /api/termbases/TAG/entries.',
  },
  'term-entry-conflict': {
    status: 412,
    title: 'Term entry changed',
    meaning: 'Someone changed the term entry after the version your edit was based on. Nothing was written.',
    fix: 'Read the entry again (its ETag is the current version), redo the edit and send it with If-Match set to that version.',
  },
  'unknown-comment': {
    status: 404,
    title: 'Unknown comment',
    meaning: 'There is no comment of this id. (A deleted comment is kept and still found: it shows who deleted it.)',
    fix: 'List the comments of a unit with GET /api/articles/ID/units/UNIT/comments, or of an article with GET /api/articles/ID/comments.',
  },
  'comment-conflict': {
    status: 412,
    title: 'Comment changed',
    meaning: 'Someone changed the comment (edited, resolved or deleted it) after the version your change was based on. Nothing was written.',
    fix: 'Read the comment again (its ETag is the current version) and send the change with If-Match set to that version.',
  },
  'comment-deleted': {
    status: 409,
    title: 'Comment deleted',
    meaning: 'The comment was deleted: it is kept with its history, but can no longer be edited, resolved or answered.',
    fix: 'Start a new thread on the unit if there is more to say.',
  },
  'not-a-query': {
    status: 409,
    title: 'Not a query',
    meaning: 'Only a query (a thread started with kind `query`) is resolved; this comment is a remark or a reply.',
    fix: 'Resolve the query that starts the thread.',
  },
  'unknown-notification': {
    status: 404,
    title: 'Unknown notification',
    meaning: 'You have no notification of this id (another person\'s notifications are not yours to open).',
    fix: 'Open one from your notification list (/notifications, or GET /api/me/notifications).',
  },
  'not-tbx': {
    status: 400,
    title: 'Not a TBX file',
    meaning: 'A termbase file read as TBX is well-formed XML but not TBX: its root is neither <martif> (TBX 2008) nor <tbx> (TBX 2019), it has no <text><body>, or a term group has no <term> or a language set no xml:lang. The detail names the line.',
    fix: 'Give a TBX-Basic file, or a CSV or TSV file with a header row of language tags.',
  },
  'malformed-csv': {
    status: 400,
    title: 'Malformed CSV',
    meaning: 'A termbase CSV or TSV file does not parse, or its header row is not language tags (en, sv) with optional sv:status, sv:pos, sv:case, sv:note and note columns, or a row has no term.',
    fix: 'Write a header row such as en,sv,sv:status,note, each sv:… column after its sv column, and one entry per row.',
  },
  'invalid-language-map': {
    status: 400,
    title: 'Invalid language map',
    meaning: 'A --map (or map=) value is not FROM=TO pairs with a language tag after the =.',
    fix: 'Write it as xx=sv, several separated by commas.',
  },
  // Batch work (issue #21)
  'invalid-batch': {
    status: 400,
    title: 'Invalid batch',
    meaning: 'A batch request (find and replace or a bulk action) does not follow the rules: its scope names no article and no tag, a filter\'s state is unknown, its range is not a segment range such as 1-40, minMatch is not 0–101, or a batch id is malformed. The detail names the first thing wrong.',
    fix: 'See docs/batch.md: scope {articles?, tag?, lang}, filter {state?, stale?, minMatch?, range?}.',
  },
  'batch-too-large': {
    status: 400,
    title: 'Batch too large',
    meaning: 'The batch\'s scope holds more than 50,000 units; one request takes at most that many.',
    fix: 'Name fewer articles, or split a tag\'s batch into several requests by article.',
  },
  'invalid-regex': {
    status: 400,
    title: 'Invalid regular expression',
    meaning: 'The find of a find and replace is empty, longer than 1,000 characters, or (with regex) not a valid JavaScript regular expression in Unicode mode (the u flag); the detail quotes the engine\'s message.',
    fix: 'Correct the expression (a literal {, }, ( or [ is written with a backslash), or leave regex off to find the text as it is.',
  },
  'regex-timeout': {
    status: 422,
    title: 'Regular expression too slow',
    meaning: 'The regular expression ran for more than a second over the batch\'s texts and was stopped: it backtracks catastrophically (nested repeats such as (a+)+ on a long run of a). It ran in a worker thread, so the server went on answering; nothing was planned or written.',
    fix: 'Rewrite it without nested or overlapping repeats, or narrow the scope.',
  },
  'unknown-batch': {
    status: 404,
    title: 'Unknown batch',
    meaning: 'There is no batch of this id made by you (an admin sees everyone\'s).',
    fix: 'Use the id a preview (POST /api/batch) answered.',
  },
  'batch-not-preview': {
    status: 409,
    title: 'Batch applied already',
    meaning: 'The preview was applied already (by this request\'s twin, or earlier), or undone; a preview is applied once.',
    fix: 'Make a new preview and apply that.',
  },
  'batch-not-applied': {
    status: 409,
    title: 'Batch not applied',
    meaning: 'Only an applied batch can be undone: this one is a preview never applied, or undone already.',
    fix: 'Apply the preview first, or leave it: nothing of it was written.',
  },


} as const satisfies Record<string, ProblemType>

/** The name of a problem type. */
export type ProblemTypeName = keyof typeof types

/** Every problem type by name, in the order the pages list them. */
export const PROBLEM_TYPES: Readonly<Record<ProblemTypeName, ProblemType>> = types

/** Every name, in order. */
export const PROBLEM_TYPE_NAMES = Object.keys(types) as ProblemTypeName[]

/** Whether `name` is a registered problem type. */
export function isProblemType(name: string): name is ProblemTypeName {
  return Object.hasOwn(types, name)
}

/** The statuses a type is answered with, as a list. */
export function statusesOf(t: ProblemType): readonly number[] {
  return typeof t.status === 'number' ? [t.status] : t.status
}

/** The `type` member of a problem of this name: a reference relative to the server. */
export function typeUri(name: string): string {
  return `${PROBLEMS_PATH}/${name}`
}
