/**
 * Schema 31: an assignment can be withdrawn (a coordinator gave it to the wrong person, or the
 * work is no longer wanted). Assignments stay append-only: a withdrawal is a row of its own, one
 * per assignment at most, never rewritten or deleted either. A withdrawn assignment is left out
 * of "my work" and the team load, and lists show who withdrew it and when.
 */
export const sql = /* sql */ `
CREATE TABLE assignment_withdrawals (
  assignment_id  INTEGER PRIMARY KEY REFERENCES assignments (id),
  withdrawn_by   TEXT NOT NULL,
  withdrawn_at   TEXT NOT NULL
);
CREATE TRIGGER assignment_withdrawals_no_delete BEFORE DELETE ON assignment_withdrawals
BEGIN SELECT RAISE (ABORT, 'withdrawals are never deleted'); END;
CREATE TRIGGER assignment_withdrawals_no_update BEFORE UPDATE ON assignment_withdrawals
BEGIN SELECT RAISE (ABORT, 'withdrawals are never rewritten'); END;
`
