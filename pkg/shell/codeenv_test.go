package shell

import "testing"

// TestReadsEnvVar holds the environment reads code is found making: by
// name in each language, by a key the code computes, and not by a name
// that only begins the same or a quoted other name.
func TestReadsEnvVar(t *testing.T) {
	for _, c := range []struct {
		code, name string
		want       bool
	}{
		{`os.environ["T"]`, "T", true},
		{`os.environ.get('T')`, "T", true},
		{`os.getenv("T")`, "T", true},
		{`process.env.T`, "T", true},
		{`process.env["T"]`, "T", true},
		{`ENV.fetch("T")`, "T", true},
		{`$ENV{T}`, "T", true},
		{`getenv("T")`, "T", true},
		{`ENVIRON["T"]`, "T", true},
		{`os.environ[n]`, "T", true},     // computed key
		{`$ENV{$k}`, "T", true},          // computed key
		{`$ENV{HOME}`, "T", false},       // a bareword key names HOME
		{`process.env.TX`, "T", false},   // another name
		{`os.environ["TX"]`, "T", false}, // another name
		{`process.env.HOME`, "T", false},
		{`print("T")`, "T", false},
	} {
		if got := readsEnvVar(c.code, c.name); got != c.want {
			t.Errorf("readsEnvVar(%q, %q) = %v, want %v", c.code, c.name, got, c.want)
		}
	}
}

// TestCodeEnvInputs holds that a variable assigned from a substitution
// becomes an input of interpreter code that reads it from the
// environment, and of no other command.
func TestCodeEnvInputs(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool // the last command has the substitution among its inputs
	}{
		{`export T=$(gh auth token); python3 -c 'import os; print(os.environ["T"])'`, true},
		{`export T=$(gh auth token); node -e 'console.log(process.env.T)'`, true},
		{`export T=$(gh auth token); python3 -c 'import os; print(dict(os.environ))'`, true},
		{`export T=$(gh auth token); python3 -c 'import os; print(os.environ["HOME"])'`, false},
		{`export T=$(gh auth token); echo done`, false},
	} {
		r := Parse(c.line)
		last := r.Commands[len(r.Commands)-1]
		if got := len(last.Inputs) > 0; got != c.want {
			t.Errorf("%s: inputs of %s = %v, want some: %v", c.line, last.Name, last.Inputs, c.want)
		}
	}
}
