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
	if os.Getenv("RAMPART_HOOK_TEST_MAIN") != "" {
		main()
	}
	testscript.Main(m, map[string]func(){"rampart-hook": main})
}

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
