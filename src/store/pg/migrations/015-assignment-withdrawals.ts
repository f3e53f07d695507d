/**
 * PostgreSQL schema 15, as SQLite's 031-assignment-withdrawals: a withdrawal of an assignment is a
 * row of its own (one per assignment at most), never rewritten or deleted.
 */
export const sql = /* sql */ `
CREATE TABLE assignment_withdrawals (
  assignment_id  bigint PRIMARY KEY REFERENCES assignments (id),
  withdrawn_by   text COLLATE "C" NOT NULL,
  withdrawn_at   timestamptz NOT NULL
);
CREATE TRIGGER assignment_withdrawals_no_delete BEFORE DELETE ON assignment_withdrawals
  FOR EACH ROW EXECUTE FUNCTION team_refuse_change('withdrawals are never deleted');
CREATE TRIGGER assignment_withdrawals_no_update BEFORE UPDATE ON assignment_withdrawals
  FOR EACH ROW EXECUTE FUNCTION team_refuse_change('withdrawals are never rewritten');
`
