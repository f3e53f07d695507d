/**
 * Schema 14: the one text rule (src/model/text-rule.ts) is enforced by the store from now on, but
 * texts stored before it may break it (the editor form, saveMissing and PO imports skipped the
 * API's check): a NUL or an escape character, a text over the limit. This step lists them, once,
 * in `text_faults`: the article, the unit ('' for the article's title), the language (a target's,
 * or the article's own for a source text), what holds it and what is wrong. `tolk text-faults`
 * prints the list and `tolk serve` names it at start; an XML export that meets such a text is
 * refused naming its unit. A fault is dropped when its text is rewritten (triggers below): every
 * write since is checked, so what replaces it follows the rule.
 *
 * `tolk_text_problem(text, max)` is the rule itself, registered on every connection by
 * open-database.ts before migrating, so the listing and the store agree character for character.
 */
export const sql = /* sql */ `
CREATE TABLE text_faults (
  article_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  what TEXT NOT NULL CHECK (what IN ('translation', 'source', 'title')),
  problem TEXT NOT NULL,
  PRIMARY KEY (article_id, unit_id, lang, what)
) WITHOUT ROWID;

INSERT INTO text_faults (article_id, unit_id, lang, what, problem)
SELECT article_id, unit_id, lang, 'translation', tolk_text_problem(text, 100000)
FROM translations WHERE tolk_text_problem(text, 100000) IS NOT NULL;

INSERT INTO text_faults (article_id, unit_id, lang, what, problem)
SELECT u.article_id, u.id, a.lang, 'source', tolk_text_problem(u.source, 100000)
FROM units u JOIN articles a ON a.id = u.article_id
WHERE u.obsolete = 0 AND tolk_text_problem(u.source, 100000) IS NOT NULL;

INSERT INTO text_faults (article_id, unit_id, lang, what, problem)
SELECT id, '', lang, 'title', tolk_text_problem(title, 500)
FROM articles WHERE tolk_text_problem(title, 500) IS NOT NULL;

CREATE TRIGGER text_faults_translation AFTER UPDATE OF text ON translations
WHEN EXISTS (SELECT 1 FROM text_faults)
BEGIN
  DELETE FROM text_faults WHERE article_id = new.article_id AND unit_id = new.unit_id
    AND lang = new.lang AND what = 'translation';
END;

CREATE TRIGGER text_faults_source AFTER UPDATE OF source, obsolete ON units
WHEN EXISTS (SELECT 1 FROM text_faults)
BEGIN
  DELETE FROM text_faults WHERE article_id = new.article_id AND unit_id = new.id AND what = 'source';
END;

CREATE TRIGGER text_faults_title AFTER UPDATE OF title ON articles
WHEN EXISTS (SELECT 1 FROM text_faults)
BEGIN
  DELETE FROM text_faults WHERE article_id = new.id AND unit_id = '' AND what = 'title';
END;
`
