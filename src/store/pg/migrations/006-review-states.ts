/**
 * PostgreSQL schema 6: the review writes (issues 20 and 23), as SQLite's schema 23.
 *
 * - `rejected`, a state: a reviewer sent the text back with a reason. The state CHECKs of
 *   `translations` and `coverage_counts` allow it; the counter triggers count a rejected row under
 *   its own state, and no row was rejected before, so the counters stay right as they are.
 * - `translations.reason` and `translations.translator`: while a row is rejected, the reviewer's
 *   reason and who wrote the text sent back (the person to tell); NULL otherwise.
 * - `history.confirmation` (a confirmation of a stale translation: same text, stale cleared),
 *   `history.reason` and `history.translator` (a rejection's).
 */
const STATES = `('initial', 'translated', 'reviewed', 'final', 'rejected')`

export const sql = /* sql */ `
ALTER TABLE translations DROP CONSTRAINT translations_state_check;
ALTER TABLE translations ADD CONSTRAINT translations_state_check CHECK (state IN ${STATES});
ALTER TABLE coverage_counts DROP CONSTRAINT coverage_counts_state_check;
ALTER TABLE coverage_counts ADD CONSTRAINT coverage_counts_state_check CHECK (state IN ${STATES});
ALTER TABLE translations ADD COLUMN reason text COLLATE "C";
ALTER TABLE translations ADD COLUMN translator text COLLATE "C";
ALTER TABLE translations ADD CONSTRAINT translations_rejected_reason CHECK ((state = 'rejected') = (reason IS NOT NULL));
ALTER TABLE history ADD COLUMN confirmation boolean NOT NULL DEFAULT false;
ALTER TABLE history ADD COLUMN reason text COLLATE "C";
ALTER TABLE history ADD COLUMN translator text COLLATE "C";
`
