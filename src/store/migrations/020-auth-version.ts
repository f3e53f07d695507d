/**
 * Schema 20: the auth version (`Accounts.authVersion`), one number that triggers raise with every
 * change that can take a right away: an account, a grant, a token, a password, an ended session.
 * Every connection to the file, in any process, reads the same row, so a cache keyed by it (the
 * token cache) sees another process's change on its next read. A session's sliding expiry leaves
 * it alone (sessions are never cached), and so does a statement that changed no row.
 */
export const sql = /* sql */ `
CREATE TABLE auth_version (
  only  INTEGER PRIMARY KEY CHECK (only = 1),
  n     INTEGER NOT NULL
) STRICT;
INSERT INTO auth_version (only, n) VALUES (1, 0);

CREATE TRIGGER accounts_inserted_auth AFTER INSERT ON accounts BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER accounts_updated_auth AFTER UPDATE ON accounts BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER grants_inserted_auth AFTER INSERT ON grants BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER grants_updated_auth AFTER UPDATE ON grants BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER grants_deleted_auth AFTER DELETE ON grants BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER tokens_inserted_auth AFTER INSERT ON tokens BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER tokens_updated_auth AFTER UPDATE ON tokens BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER passwords_inserted_auth AFTER INSERT ON passwords BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER passwords_updated_auth AFTER UPDATE ON passwords BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER passwords_deleted_auth AFTER DELETE ON passwords BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER sessions_deleted_auth AFTER DELETE ON sessions BEGIN UPDATE auth_version SET n = n + 1; END;
`
