package effect

import "testing"

// TestHandedSQL checks SQL handed to a program the catalogue does not
// know: a change against another machine's database or production is a
// change there, wherever the line names it (a database URL, a server
// option, a name); a read, a local database, or a message that only
// mentions a statement is none. Known clients' server options given as
// URLs of any scheme are read too.
func TestHandedSQL(t *testing.T) {
	for line, want := range map[string]string{
		`dbq --dsn postgres://app@db.internal/shop "DELETE FROM orders WHERE id=1"`:                 "destroy:shared",
		`dbq --dsn=postgres://app@db.prod.acme.io/shop "UPDATE orders SET paid=1 WHERE id=1"`:       "destroy:production",
		`querytool --execute="INSERT INTO audit VALUES (1)" --host=db.internal`:                     "destroy:shared",
		`querytool --server https://q.acme.io:8443 "DELETE FROM t WHERE id=2"`:                      "destroy:shared",
		`./scripts/run-sql.sh --env production "DELETE FROM sessions WHERE x < now()"`:              "destroy:production",
		`duckdb -c "ATTACH 'postgres://app@db.internal/shop' AS pg; DELETE FROM pg.o WHERE id=1"`:   "destroy:shared",
		`trino --server https://trino.internal:8443 --execute "DELETE FROM e WHERE dt < 1"`:         "destroy:shared",
		`dbq --dsn postgres://app@db.internal/shop "BEGIN; DELETE FROM orders WHERE id=1; COMMIT;"`: "destroy:shared",
		`dbq --dsn postgres://app@db.internal/shop "/* fix */ UPDATE orders SET x=1 WHERE id=1"`:    "destroy:shared",
		`echo 'DELETE FROM orders WHERE id=1' | dbq --dsn postgres://app@db.internal/shop`:          "destroy:shared",
		`echo 'DELETE FROM orders WHERE id=1' | dbq --dsn postgres://app@localhost/shop`:            "",
		`dbq --dsn postgres://app@db.internal/shop DELETE FROM orders WHERE id=1`:                   "destroy:shared",
		`dbq --dsn postgres://app@db.internal/shop "SELECT * FROM orders WHERE id=1"`:               "",
		`dbq --dsn postgres://app@localhost/shop "DELETE FROM orders WHERE id=1"`:                   "",
		`querytool -h help "DELETE FROM orders WHERE id=1"`:                                         "",
		`notify --to ops@acme.io "fixed the DELETE FROM bug on db.internal"`:                        "",
		`trino --server http://localhost:8080 --execute "DELETE FROM e WHERE dt < 1"`:               "",
	} {
		effs := effectsOf(line)
		for _, d := range []string{"destroy:production", "destroy:shared"} {
			if got := hasEffect(effs, d); got != (d == want) {
				t.Errorf("%q: %s = %v, want %v (%v)", line, d, got, d == want, effs)
			}
		}
	}
}

// TestSQLStatement checks which words read as a whole SQL statement.
func TestSQLStatement(t *testing.T) {
	for w, want := range map[string]bool{
		"DELETE FROM orders WHERE id=1":                          true,
		"  update users set admin=true":                          true,
		"GRANT SELECT ON t TO USER alice":                        true,
		"DROP TABLE users":                                       true,
		"select id from users":                                   true,
		"ATTACH 'x.db' AS x":                                     true,
		"fix the DELETE FROM bug":                                false,
		"Update docs":                                            false,
		"WITH RECURSIVE t AS (SELECT 1) DELETE FROM users":       true,
		"WITH x(id) AS (SELECT 1) DELETE FROM users":             true,
		"WITH a AS MATERIALIZED (SELECT 1) UPDATE t SET x=1":     true,
		"UPDATE ONLY users SET admin=true":                       true,
		"UPDATE LOW_PRIORITY users SET plan='free'":              true,
		"UPDATE TOP (10) users SET admin=1":                      true,
		"INSERT IGNORE INTO admins VALUES (7)":                   true,
		"INSERT OR REPLACE INTO admins VALUES (7)":               true,
		"INSERT OVERWRITE TABLE events SELECT * FROM empty":      true,
		"DELETE QUICK FROM users":                                true,
		"DELETE TOP (1000) FROM users":                           true,
		"DELETE users WHERE 1=1":                                 true,
		"# cleanup\nDELETE FROM users":                           true,
		"DROP TABLESPACE main":                                   true,
		"DROP TYPE user_role CASCADE":                            true,
		"DROP WAREHOUSE analytics":                               true,
		"RENAME TABLE users TO users_old":                        true,
		"ALTER SEQUENCE users_id_seq RESTART":                    true,
		"ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO public": true,
		"MERGE users u USING staging s ON u.id=s.id":             true,
		"COPY users TO PROGRAM 'curl x'":                         true,
		"Update docs to set up CI":                               false,
		"Delete the old users":                                   false,
		"# heading only":                                         false,
		"drop the old cache":                                     false,
		"BEGIN; SELECT 1; COMMIT":                                false,
		"-- note\nDROP TABLE t":                                  true,
		"fix it; then drop the cache":                            false,
		"DELETE":                                                 false,
		"truncate -s 0 log.txt":                                  false,
		"TRUNCATE TABLE sessions":                                true,
		"create table of contents for the docs":                  false,
		"grant access to the team after review":                  false,
	} {
		if got := sqlStatement(w); got != want {
			t.Errorf("sqlStatement(%q) = %v, want %v", w, got, want)
		}
	}
}
