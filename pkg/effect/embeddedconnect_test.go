package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestEmbeddedConnectDisposable checks that an interpreter one-liner
// opening one embedded database file by a literal name works on that file
// as sqlite3 does: a test's or a development copy in the project is
// disposable; the project's data, a file outside it, a name the line made,
// an ATTACH, a second connection or a computed name are not.
func TestEmbeddedConnectDisposable(t *testing.T) {
	env := Env{Home: "/home/dev", Cwd: "/home/dev/project"}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{`python3 -c "import sqlite3; c=sqlite3.connect('test.db'); c.execute('DELETE FROM sessions'); c.commit()"`, true},
		{`python3 -c "import sqlite3; sqlite3.connect('tests/test.db').execute('DROP TABLE users')"`, true},
		{`node -e "const Database=require('better-sqlite3'); new Database('tmp/test.db').exec('DELETE FROM jobs')"`, true},
		{`ruby -rsqlite3 -e 'SQLite3::Database.new("db/test.sqlite3").execute("DELETE FROM users")'`, true},
		{`python3 -c "import sqlite3; sqlite3.connect('app.db').execute('DELETE FROM users')"`, false},
		{`python3 -c "import sqlite3; sqlite3.connect('../other/test.db').execute('DELETE FROM users')"`, false},
		{`python3 -c "import sqlite3; sqlite3.connect('/home/dev/.local/test.db').execute('DELETE FROM t')"`, false},
		{`python3 -c "import sqlite3; c=sqlite3.connect('test.db'); c.execute('ATTACH \"app.db\" AS a'); c.execute('DELETE FROM a.users')"`, false},
		{`python3 -c "import sqlite3,psycopg2; sqlite3.connect('test.db'); psycopg2.connect('host=db').cursor().execute('DELETE FROM users')"`, false},
		{`python3 -c "import sqlite3,os; sqlite3.connect(os.environ['DB']).execute('DELETE FROM users')"`, false},
		{`python3 -c "import sqlite3; sqlite3.connect('test.db'); sqlite3.connect('app.db').execute('DELETE FROM users')"`, false},
		{`ln -sf data/app.db test.db && python3 -c "import sqlite3; sqlite3.connect('test.db').execute('DELETE FROM users')"`, false},
	} {
		res := shell.Parse(tc.line)
		i := 0
		for k := range res.Commands {
			if _, ok, _ := shell.InterpreterCode(&res.Commands[k]); ok {
				i = k // the one-liner, not what its code was read to run
				break
			}
		}
		if got := Disposable(&res, i, env.Cwd, env); got != tc.want {
			t.Errorf("%q: Disposable = %v, want %v", tc.line, got, tc.want)
		}
	}
}
