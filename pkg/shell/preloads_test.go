package shell

import "testing"

// TestNodePreloads checks that the files node loads before its script
// the command) are files it runs, while a package's name is none.
func TestNodePreloads(t *testing.T) {
	cases := []struct {
		line, prog string
		want       []string
	}{
		{"true h.js; node --require /tmp/h.js app.js", "node", []string{"app.js", "/tmp/h.js"}},
		{"true h.js; node -r ./h.js app.js", "node", []string{"app.js", "./h.js"}},
		{"true l.mjs; node --import=/tmp/l.mjs app.js", "node", []string{"app.js", "/tmp/l.mjs"}},
		{"true l.mjs; node --loader /tmp/l.mjs app.js", "node", []string{"app.js", "/tmp/l.mjs"}},
		{"true; node -r dotenv/config server.js", "node", []string{"server.js"}},
		{"true; node --import tsx src/main.ts", "node", []string{"src/main.ts"}},
	}
	for _, c := range cases {
		checkRuns(t, c.line, c.prog, c.want)
	}
}
