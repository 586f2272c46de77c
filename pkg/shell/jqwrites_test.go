package shell

import (
	"strings"
	"testing"
)

// TestJQEditText checks the document jq's and yq's assignments write: JSON
// for jq, YAML for yq, the in-place files of yq -i, --arg values used by
// name, and nothing for a read, a filter in a file or a comparison.
func TestJQEditText(t *testing.T) {
	for _, tc := range []struct {
		line, files, text string
		ok                bool
	}{
		{`jq '.scripts.postinstall="make x"' package.json`, "", `{"scripts":{"postinstall":"make x"}}`, true},
		{`jq --arg s 'make y' '.scripts.prepare = $s | .private = true' package.json`, "", `{"private":true,"scripts":{"prepare":"make y"}}`, true},
		{`jq '.tasks += [{"label":"x","command":"make"}]' .vscode/tasks.json`, "", `{"tasks":[{"command":"make","label":"x"}]}`, true},
		{`yq -i '.jobs.ci.steps += [{"run": "make ci"}]' .github/workflows/ci.yml`, ".github/workflows/ci.yml",
			"jobs:\n  ci:\n    steps:\n      -\n        run: make ci\n", true},
		{`yq e -i '.services.db.image = "postgres:16"' compose.yml`, "compose.yml", "services:\n  db:\n    image: postgres:16\n", true},
		{`jq '.scripts |= . + {"lint": "eslint ."}' package.json`, "", `{"scripts":{"lint":"eslint ."}}`, true},
		{`yq -i '.jobs.b.steps += [{run: "make b"}]' ci.yml`, "ci.yml", "jobs:\n  b:\n    steps:\n      -\n        run: make b\n", true},
		{`jq '.scripts.x = ("make" + " x")' package.json`, "", `{"scripts":{"x":"make x"}}`, true},
		{`jq -n '{name: "a", scripts: {x: "make x"}}'`, "", `{"name":"a","scripts":{"x":"make x"}}`, true},
		{`jq 'setpath(["scripts","x"]; "make x")' package.json`, "", `{"scripts":{"x":"make x"}}`, true},
		{`jq -n '{name: .a}'`, "", "", false},
		{`jq '.scripts.test' package.json`, "", "", false},
		{`jq 'select(.a == "b")' x.json`, "", "", false},
		{`jq -f edit.jq package.json`, "", "", false},
	} {
		w := Parse(tc.line).Commands
		if len(w) == 0 {
			t.Fatalf("%s: no command", tc.line)
		}
		files, text, ok := jqEditText(w[0].Name, append([]string{w[0].Name}, w[0].Args...), nil)
		if got := strings.Join(files, " "); got != tc.files || text != tc.text || ok != tc.ok {
			t.Errorf("%s: files %q text %q %v, want %q %q %v", tc.line, got, text, ok, tc.files, tc.text, tc.ok)
		}
	}
	// The assignment is run where the edited file is.
	found := false
	for _, c := range Parse(`jq '.scripts.lint="rm -rf /x"' package.json > p.json && mv p.json package.json && npm run lint`).Commands {
		found = found || c.Name == "rm" && strings.Join(c.Args, " ") == "-rf /x"
	}
	if !found {
		t.Error("npm run after jq put rm -rf /x into package.json: rm not found")
	}
	found = false
	for _, c := range Parse(`jq '.scripts.lint="rm -rf /x"' package.json | sponge package.json && npm run lint`).Commands {
		found = found || c.Name == "rm" && strings.Join(c.Args, " ") == "-rf /x"
	}
	if !found {
		t.Error("npm run after jq | sponge put rm -rf /x into package.json: rm not found")
	}
}

// TestJQEnvValues checks that a variable of the environment the line sets
// is the literal a jq or yq filter assigns through env.X, $ENV.X,
// $ENV["X"], strenv(X) or env(X), and that one the line does not show
// assigns nothing known.
func TestJQEnvValues(t *testing.T) {
	for _, line := range []string{
		`X='rm -rf /x' jq '.scripts.lint = env.X' package.json > p.json && mv p.json package.json && npm run lint`,
		`export X='rm -rf /x'; jq '.scripts.lint = $ENV.X' package.json | sponge package.json && npm run lint`,
		`X='rm -rf /x' jq '.scripts.lint = $ENV["X"]' package.json > p.json && mv p.json package.json && npm run lint`,
		`X='rm -rf /x' yq -i '.scripts.lint = strenv(X)' package.json && npm run lint`,
		`export X='rm -rf /x' && yq -i '.scripts.lint = env(X)' package.json && npm run lint`,
	} {
		found := false
		for _, c := range Parse(line).Commands {
			found = found || c.Name == "rm" && strings.Join(c.Args, " ") == "-rf /x"
		}
		if !found {
			t.Errorf("%s: rm not found", line)
		}
	}
	_, _, ok := jqEditText("jq", []string{"jq", ".scripts.lint = env.X", "package.json"}, func(string) (string, bool) { return "", false })
	if ok {
		t.Error("jq env.X of a variable the line does not show: a known text")
	}
}
