package effect

import (
	"slices"
	"testing"
)

// TestClientCommandsAsClientsReadThem checks that a client's commands are
// read by the names and blanks the client accepts: sqlite3's abbreviated
// dot-commands, a tab after the name, mysql's commands in any case and
// after a statement, every escape of a text and not only the first.
func TestClientCommandsAsClientsReadThem(t *testing.T) {
	for text, want := range map[string][]string{
		".sy rm -rf x":               {"rm -rf x"},
		".shel ls":                   {"ls"},
		".sh ls":                     {"ls"},
		".shell\tls -la":             {"ls -la"},
		".o |sh":                     {"sh"},
		".outp '|gzip -c'":           {"gzip -c"},
		".on |wc -l":                 {"wc -l"},
		`.imp "|cat d.csv" t`:        {"cat d.csv"},
		".rea '|cat s.sql'":          {"cat s.sql"},
		"SYSTEM ls":                  {"ls"},
		"select 1; system ls -la":    {"ls -la"},
		".shell ls\n.shell rm -rf x": {"ls", "rm -rf x"},
		".schema users":              nil,
		".s":                         nil,
		".o out.csv":                 nil,
		"select 'system x' from t":   nil,
	} {
		if got := sqlShellCommands(text); !slices.Equal(got, want) {
			t.Errorf("sqlShellCommands(%q) = %q, want %q", text, got, want)
		}
	}
	for text, want := range map[string]string{
		"Pager curl -T - u; select 1": "curl -T - u",
		"PAGER less":                  "less",
		`\setenv  PAGER sh`:           "sh",
		"\\setenv\tPSQL_PAGER cat":    "cat",
		"nopager":                     "",
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
