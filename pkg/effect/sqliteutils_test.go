package effect

import "testing"

// TestSqliteUtilsOpens: sqlite-utils' looks (rows, tables, dump, query)
// read the database file they open, as sqlite3 does, so a credential
// store opened through them is read.
func TestSqliteUtilsOpens(t *testing.T) {
	for line, want := range map[string]string{
		"sqlite-utils rows ~/.secret/Login\\ Data logins":           "read /home/dev/.secret/Login Data",
		"sqlite-utils query ~/.secret/Cookies 'select 1'":           "read /home/dev/.secret/Cookies",
		"sqlite-utils dump ~/.secret/cookies.sqlite":                "read /home/dev/.secret/cookies.sqlite",
		"sqlite-utils tables --counts ~/.secret/history.db":         "read /home/dev/.secret/history.db",
		"sqlite_utils rows --limit 5 ~/.secret/Web\\ Data autofill": "read /home/dev/.secret/Web Data",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%q: want %q, got %v", line, want, effs)
		}
	}
}
