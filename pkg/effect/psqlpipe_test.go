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
