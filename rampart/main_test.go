package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) { testscript.Main(m, map[string]func(){"rampart": main}) }

var update = flag.Bool("u", false, "update testscript output files")

// TestScript runs testdata/script. Each script gets $BINDIR, the directory
// holding rampart alone, so it can build a PATH of only rampart and its own
// stand-in binaries; the files a script puts in bin/ are made executable.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			p, err := exec.LookPath("rampart")
			if err != nil {
				return err
			}
			env.Setenv("BINDIR", filepath.Dir(p))
			standIns, _ := filepath.Glob(filepath.Join(env.WorkDir, "bin", "*"))
			for _, f := range standIns {
				if err := os.Chmod(f, 0o755); err != nil {
					return err
				}
			}
			return nil
		},
	})
}
