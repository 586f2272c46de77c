package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// readmeSkipped are README commands this test does not run, and why.
var readmeSkipped = map[string]string{
	"make install":     "installs into /usr/local; the test builds the same binaries itself",
	"make test":        "is the command running this test",
	"make build":       "the test builds the binaries itself",
	"make bench":       "benchmarks take minutes and measure, not check",
	"make fuzz":        "fuzzing takes minutes",
	"make dist":        "cross-builds every binary for every target (minutes); make test-dist checks each target",
	"make test-agents": "installs and drives the real agent CLIs (minutes); make test runs it",
	"make docs-hooks":  "drives the real agent CLIs and rewrites docs/hooks.md; make test-agents checks the tables",
}

// TestReadmeCommands runs every command in README.md's sh blocks, in order,
// the way a newcomer would: the binaries on PATH, a fresh home. Each must
// exit 0. Commands that install system-wide or run for minutes are skipped
// with their reason.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every binary")
	}
	cmds := readmeCommands(t, "../README.md")
	if len(cmds) < 5 {
		t.Fatalf("found %d commands in README.md; the extraction is broken", len(cmds))
	}
	bin := buildAll(t)
	home := t.TempDir()
	env := []string{
		"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + home,
		"RAMPART_HOME=" + filepath.Join(home, ".rampart"),
		"TERM=dumb",
	}
	for _, c := range cmds {
		if why, ok := readmeSkipped[firstWords(c)]; ok {
			t.Logf("skip %q: %s", c, why)
			continue
		}
		sh := exec.Command("bash", "-c", c)
		sh.Dir = home
		sh.Env = env
		out, err := sh.CombinedOutput()
		if err != nil {
			t.Errorf("README command %q failed: %v\n%s", c, err, out)
			continue
		}
		t.Logf("ran %q:\n%s", c, out)
	}
}

// readmeCommands returns the command lines of the ```sh blocks, without
// trailing comments.
func readmeCommands(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cmds []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```sh"):
			in = true
		case strings.HasPrefix(line, "```"):
			in = false
		case in:
			if i := strings.Index(line, "  #"); i >= 0 {
				line = line[:i]
			}
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				cmds = append(cmds, line)
			}
		}
	}
	return cmds
}

// firstWords is a command's first two words ("make install").
func firstWords(c string) string {
	f := strings.Fields(c)
	if len(f) > 2 {
		f = f[:2]
	}
	return strings.Join(f, " ")
}
