package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"rampart.dev/pkg/decide"
)

// TestMain also runs rampart-hook itself when RAMPART_HOOK_TEST_MAIN is
// set, so that tests can start it as a separate process.
//
// With RAMPART_HOOK_TEST_COMPILER set, the hook compiles policy files by
// running that program (decide.ExecCompiler) instead of in-process.
func TestMain(m *testing.M) {
	if bin := os.Getenv("RAMPART_HOOK_TEST_COMPILER"); bin != "" {
		compiler = decide.ExecCompiler(bin)
	}
	if v := os.Getenv("RAMPART_HOOK_TEST_MAIN"); v != "" {
		// noprocess: only the decider may run, so that a test sees
		// an answer that came from the decider and not from a
		// rampart-hook process the client fell back to.
		if v == "noprocess" && (len(os.Args) < 2 || os.Args[1] != deciderVerb) {
			os.Stderr.WriteString(noProcessMsg)
			os.Exit(3)
		}
		main()
	}
	testscript.Main(m, map[string]func(){"rampart-hook": main})
}

// noProcessMsg is what this binary says when it is run as rampart-hook
// under RAMPART_HOOK_TEST_MAIN=noprocess.
const noProcessMsg = "rampart-hook ran as a process\n"

var update = flag.Bool("u", false, "update testscript output files")

func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(e *testscript.Env) error {
			// The audit trail and the user's settings live in the
			// script's own directory, never the real home.
			e.Setenv("RAMPART_HOME", filepath.Join(e.WorkDir, "rampart"))
			e.Setenv("HOME", filepath.Join(e.WorkDir, "home"))
			return os.MkdirAll(filepath.Join(e.WorkDir, "home"), 0o755)
		},
	})
}
