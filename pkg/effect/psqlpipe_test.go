package effect

import "testing"

// TestPSQLPipe checks the shell commands psql's \g, \gx, \o and \w send
// their output to, and that other meta-commands and escapes are none.
func TestPSQLPipe(t *testing.T) {
	for line, want := range map[string]string{
		`SELECT 'x' \g |sh`:                              "sh",
		`SELECT 1 \gx | tee /tmp/out`:                    "tee /tmp/out",
		`\o |gzip > dump.gz`:                             "gzip > dump.gz",
		`\w |mail ops`:                                   "mail ops",
		`SELECT 1 \g out.txt`:                            "",
		`SELECT 1 \g (format=unaligned tuples_only) |sh`: "sh",
		`SELECT 1 \gx (expanded=on)|tee x`:               "tee x",
		`SELECT 1 \g (format=csv) out.csv`:               "",
		`SELECT '\n' AS x; \gexec`:                       "",
		`SELECT 'a|b' \x`:                                "",
		`SELECT * FROM t \watch 2`:                       "",
		`\set x 1 \\ SELECT :x \g |cat -n`:               "cat -n",
	} {
		if got := psqlPipe(line); got != want {
			t.Errorf("psqlPipe(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestDotPipe checks the shell commands sqlite3's and duckdb's .once,
// .output, .import and .read name as their file ("|cmd"), and that a
// file, another dot-command or SQL is none.
func TestDotPipe(t *testing.T) {
	for line, want := range map[string]string{
		`.once |tee out.txt`:              "tee out.txt",
		`.output '|gzip -c > r.gz'`:       "gzip -c > r.gz",
		`.once -x`:                        "",
		`.import --csv "|cat data.csv" t`: "cat data.csv",
		`.read '|cat schema.sql'`:         "cat schema.sql",
		`.output results.csv`:             "",
		`.tables`:                         "",
		`SELECT 1;`:                       "",
		`.mode csv`:                       "",
	} {
		if got := dotPipe(line); got != want {
			t.Errorf("dotPipe(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestSQLPagers checks the pager commands mysql's pager and \P and psql's
// \setenv PAGER set, and that SQL and other settings are none.
func TestSQLPagers(t *testing.T) {
	for text, want := range map[string]string{
		"pager less -S; select 1":   "less -S",
		`\P grep -v x`:              "grep -v x",
		`\setenv PAGER "less -R"`:   "less -R",
		`\setenv PSQL_PAGER 'pspg'`: "pspg",
		`\setenv EDITOR vim`:        "",
		"select 'pager x' from t":   "",
		"SELECT 1;\nnopager":        "",
	} {
		got := ""
		if p := sqlPagers(text); len(p) > 0 {
			got = p[0]
		}
		if got != want {
			t.Errorf("sqlPagers(%q) = %q, want %q", text, got, want)
		}
	}
}
