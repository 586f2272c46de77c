package usage_test

import (
	"flag"
	"fmt"
	"testing"

	"rampart.dev/pkg/usage"
)

func ExampleFormat() {
	fs := flag.NewFlagSet("rampart-eval", flag.ContinueOnError)
	fs.String("config", "", "policy `file`")
	fs.String("mode", "enforce", "enforce or monitor")
	fmt.Print(usage.Format(usage.Help{
		Purpose:  "Decide tool calls against a Rampart policy.",
		Usage:    []string{"rampart-eval [flags] < calls.jsonl > decisions.jsonl"},
		Verbs:    [][2]string{{"check", "validate a policy file"}},
		Flags:    fs,
		Examples: []string{`echo '{"tool":"exec","params":{"command":"ls"}}' | rampart-eval`},
		Docs:     "docs/policy.md",
	}))
	// Output:
	// DESCRIPTION
	//   Decide tool calls against a Rampart policy.
	//
	// USAGE
	//   rampart-eval [flags] < calls.jsonl > decisions.jsonl
	//
	// VERBS
	//   check  validate a policy file
	//
	// FLAGS
	//   -config file  policy file
	//   -mode string  enforce or monitor (default enforce)
	//
	// EXAMPLE
	//   echo '{"tool":"exec","params":{"command":"ls"}}' | rampart-eval
	//
	// DOCS
	//   docs/policy.md
}

func TestCheck(t *testing.T) {
	good := usage.Format(usage.Help{Purpose: "P.", Usage: []string{"x"}, Examples: []string{"x"}, Docs: "docs/x.md"})
	if msg := usage.Check(good); msg != "" {
		t.Errorf("Check(Format(...)) = %q, want the shape to hold\n%s", msg, good)
	}
	for _, bad := range []string{
		"Usage of x:\n  -v\tverbose\n",
		"DESCRIPTION\n  P.\n\nUSAGE\n  x\n\nEXAMPLE\n  x\n",              // no DOCS
		"USAGE\n  x\n\nDESCRIPTION\n  P.\n\nEXAMPLE\n  x\n\nDOCS\n  d\n", // out of order
		"DESCRIPTION\n\nUSAGE\n  x\n\nEXAMPLE\n  x\n\nDOCS\n  d\n",       // empty section
		"DESCRIPTION\n  P.\n\nUSAGE\n  x\n\nSUBCOMMANDS\n  a  b\n\nEXAMPLE\n  x\n\nDOCS\n  d\n",
	} {
		if usage.Check(bad) == "" {
			t.Errorf("Check(%q) = \"\", want it to name what departs from the shape", bad)
		}
	}
}
