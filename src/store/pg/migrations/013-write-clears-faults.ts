/**
 * PostgreSQL schema 13: the versioned write clears a text fault of the translation it rewrites in
 * its own statement (src/store/pg/translations.ts), and the trigger is left to every other update
 * of a text (an import's, a hand-made one). A trigger's plpgsql function cost the write bench
 * about 20 µs of PostgreSQL's CPU on every write, on a table that is empty but for a copied older
 * database; the statement's DELETE by primary key costs next to nothing. The write says it is
 * the versioned write (`tolk.versioned_write`, as the counters read it) before its update runs.
 */
export const sql = /* sql */ `
DROP TRIGGER text_faults_translation ON translations;
CREATE TRIGGER text_faults_translation AFTER UPDATE OF text ON translations
  FOR EACH ROW WHEN (old.text <> new.text AND current_setting('tolk.versioned_write', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION text_faults_clear();
`
